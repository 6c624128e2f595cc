/*
 * The few web-platform globals the matcher and the shared modules it imports use, which every place
 * the matcher runs has (the extension's worker, Node for the build, bench and tests, a Web Worker)
 * but which TypeScript files under the DOM library. Declared here by hand, and nothing of the DOM, so
 * that src/matcher/tsconfig.json keeps the matcher free of `document`, `Node` and `browser.*`.
 */
declare class TextDecoder {
  constructor(label?: string);
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}
declare class URL {
  constructor(url: string, base?: string);
  hash: string;
  host: string;
  hostname: string;
  href: string;
  readonly origin: string;
  password: string;
  pathname: string;
  port: string;
  protocol: string;
  search: string;
  username: string;
  toString(): string;
}
declare const crypto: { subtle: { digest(algorithm: string, data: ArrayBufferView | ArrayBuffer): Promise<ArrayBuffer> } };
declare function atob(data: string): string;
declare function btoa(data: string): string;
