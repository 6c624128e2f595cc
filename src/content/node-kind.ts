/*
 * Same-origin frames have their own realm, so `node instanceof Element` is false for their nodes when
 * asked from the top frame. Node types are the same in every realm.
 */
export const isElement = (node: unknown): node is Element => (node as Node | null)?.nodeType === 1;
export const isText = (node: unknown): node is Text => (node as Node | null)?.nodeType === 3;
export const isDocument = (node: unknown): node is Document => (node as Node | null)?.nodeType === 9;
export const isShadowRoot = (node: unknown): node is ShadowRoot => (node as Node | null)?.nodeType === 11 && 'host' in (node as object);
