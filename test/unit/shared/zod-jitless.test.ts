import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/*
 * zod probes `new Function` when it makes its first object schema; under the extension's CSP that is a
 * violation, which on the worker's first start costs a parse of its whole script
 * (src/shared/zod-jitless.ts). The entry points import the module that turns the probe off first.
 */
const root = resolve(import.meta.dirname, '../../..');
const probes: unknown[][] = [];
const RealFunction = globalThis.Function;
// Counts every `new Function(...)` from here on; zod's probe is `new Function("")`.
globalThis.Function = new Proxy(RealFunction, {
  construct(target, args) {
    probes.push(args);
    return Reflect.construct(target, args) as object;
  },
});
afterAll(() => {
  globalThis.Function = RealFunction;
});

describe('zod without the eval probe', () => {
  it('makes and uses object schemas without calling new Function once the module has run', async () => {
    await import('../../../src/shared/zod-jitless');
    const { z } = await import('zod/mini');
    const schema = z.object({ type: z.literal('settings/get'), nested: z.optional(z.object({ n: z.number() })) });
    expect(schema.safeParse({ type: 'settings/get', nested: { n: 1 } }).success).toBe(true);
    expect(schema.safeParse({ type: 'other' }).success).toBe(false);
    expect(probes).toEqual([]);
  });

  it.each([
    ['src/background/index.ts', '../shared/zod-jitless'],
    ['src/options/main.tsx', '../shared/zod-jitless'],
    ['src/store/part-store.ts', '../shared/zod-jitless'],
    ['src/shared/evidence-package.ts', './zod-jitless'],
  ])('%s imports it before anything else', (entry, path) => {
    const source = readFileSync(resolve(root, entry), 'utf8');
    const first = /^import\s[^;]*?['"]([^'"]+)['"];?$/m.exec(source);
    expect(first?.[1]).toBe(path);
  });
});
