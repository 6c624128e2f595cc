/**
 * Packs typed arrays and a few numbers into one byte array and back, for automata built when the
 * extension is built rather than on every page (see prebuilt-tables.ts and scripts/worker-tables.ts). Each array starts on an
 * 8-byte boundary so that unpacking makes views on the bytes (32-bit arrays stored narrow are
 * widened by one native copy). Little-endian, as every platform the extension runs on.
 */
export type PackedArray = Uint8Array | Uint16Array | Int32Array | Uint32Array;
type Kind = 'u8' | 'u16' | 'i32' | 'u32';

const MAGIC = 0x544c5031; // "TLP1"

function kindOf(array: PackedArray): Kind {
  if (array instanceof Uint8Array) return 'u8';
  if (array instanceof Uint16Array) return 'u16';
  if (array instanceof Int32Array) return 'i32';
  return 'u32';
}
const KIND_CODES: Record<Kind, number> = { u8: 1, u16: 2, i32: 3, u32: 4 };

/** 32-bit arrays whose values fit 16 bits travel as 16-bit ones: half the bytes to embed and compile. */
function narrowed(array: PackedArray): { code: number; bytes: ArrayBufferView } {
  if (array instanceof Uint32Array && array.every((v) => v <= 0xffff)) return { code: 5, bytes: Uint16Array.from(array) };
  if (array instanceof Int32Array && array.every((v) => v >= -0x8000 && v <= 0x7fff)) return { code: 6, bytes: Int16Array.from(array) };
  return { code: KIND_CODES[kindOf(array)], bytes: array };
}

export function packTables(numbers: readonly number[], input: readonly PackedArray[]): Uint8Array {
  const arrays = input.map(narrowed);
  const header = 3 + numbers.length + arrays.length * 2;
  let size = Math.ceil((header * 4) / 8) * 8;
  const offsets = arrays.map(({ bytes }) => {
    const at = size;
    size += Math.ceil(bytes.byteLength / 8) * 8;
    return at;
  });
  const bytes = new Uint8Array(size);
  const head = new Uint32Array(bytes.buffer, 0, header);
  head[0] = MAGIC;
  head[1] = numbers.length;
  head[2] = arrays.length;
  numbers.forEach((n, i) => (head[3 + i] = n));
  arrays.forEach(({ code, bytes: view }, i) => {
    head[3 + numbers.length + i * 2] = code;
    head[4 + numbers.length + i * 2] = input[i]?.length ?? 0;
    bytes.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength), offsets[i] ?? 0);
  });
  return bytes;
}

export function unpackTables(bytes: Uint8Array): { numbers: number[]; arrays: PackedArray[] } {
  // Views need an aligned buffer of their own.
  const own = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const buffer = own.buffer;
  const base = own.byteOffset;
  const fixed = new Uint32Array(buffer, base, 3);
  if (fixed[0] !== MAGIC) throw new Error('not a packed table');
  const numberCount = fixed[1] ?? 0;
  const arrayCount = fixed[2] ?? 0;
  const header = 3 + numberCount + arrayCount * 2;
  const head = new Uint32Array(buffer, base, header);
  const numbers = Array.from(head.subarray(3, 3 + numberCount));
  const arrays: PackedArray[] = [];
  let at = Math.ceil((header * 4) / 8) * 8;
  for (let i = 0; i < arrayCount; i++) {
    const code = head[3 + numberCount + i * 2] ?? 0;
    const length = head[4 + numberCount + i * 2] ?? 0;
    let stored: ArrayBufferView;
    let array: PackedArray;
    if (code === 1) array = stored = new Uint8Array(buffer, base + at, length);
    else if (code === 2) array = stored = new Uint16Array(buffer, base + at, length);
    else if (code === 3) array = stored = new Int32Array(buffer, base + at, length);
    else if (code === 4) array = stored = new Uint32Array(buffer, base + at, length);
    else if (code === 5) array = new Uint32Array((stored = new Uint16Array(buffer, base + at, length)) as Uint16Array);
    else if (code === 6) array = new Int32Array((stored = new Int16Array(buffer, base + at, length)) as Int16Array);
    else throw new Error('not a packed table');
    arrays.push(array);
    at += Math.ceil(stored.byteLength / 8) * 8;
  }
  return { numbers, arrays };
}

/** Base64 both ways: the native codec where the browser has one (Chromium 140, Firefox 133). */
export function fromBase64(text: string): Uint8Array {
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}


/** Base64 of bytes: the native codec where there is one, else `btoa` over chunks. */
export function toBase64(bytes: Uint8Array): string {
  const native = (bytes as unknown as { toBase64?: () => string }).toBase64;
  if (native) return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
