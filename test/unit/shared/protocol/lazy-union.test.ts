import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod/mini';
import { lazyUnionByType, type MessageBuilders } from '../../../../src/shared/protocol/lazy-union';
import { contentMessageSchemas, uiMessageSchemas } from '../../../../src/shared/protocol/messages';

/*
 * Schemas that do not check `type` themselves: each would accept the other's messages, so only the
 * union's choice of schema by `type` can refuse them.
 */
function table() {
  const builders = {
    a: vi.fn(() => z.object({ type: z.string(), x: z.number() })),
    b: vi.fn(() => z.object({ type: z.string(), y: z.string() })),
  };
  return builders as typeof builders & MessageBuilders<{ a: unknown; b: unknown }>;
}

describe('a union of message schemas built by type', () => {
  it('checks a message with its own type’s schema alone', () => {
    const union = lazyUnionByType(table());
    expect(union.safeParse({ type: 'a', x: 1 })).toEqual({ success: true, data: { type: 'a', x: 1 } });
    expect(union.safeParse({ type: 'b', y: 'z' })).toEqual({ success: true, data: { type: 'b', y: 'z' } });
    // Each is a message the other type's schema accepts.
    expect(union.safeParse({ type: 'a', y: 'z' }).success).toBe(false);
    expect(union.safeParse({ type: 'b', x: 1 }).success).toBe(false);
  });

  it('refuses a message whose type is missing, unknown, inherited or not a string, and what is not an object', () => {
    const union = lazyUnionByType(table());
    // Both schemas would accept each of these.
    for (const type of [undefined, 'c', 'A', '', 'toString', 'constructor', '__proto__', 'hasOwnProperty', 1, null, ['a']]) {
      expect(union.safeParse({ type, x: 1, y: 'z' }).success, String(type)).toBe(false);
    }
    for (const message of [null, undefined, 'a', 1, [], ['a'], { x: 1, y: 'z' }]) expect(union.safeParse(message).success).toBe(false);
  });

  it('builds no schema until a message of its type arrives, then builds it once', () => {
    const builders = table();
    const union = lazyUnionByType(builders);
    union.safeParse({ type: 'c' });
    union.safeParse({ y: 'z' });
    expect(builders.a).not.toHaveBeenCalled();
    expect(builders.b).not.toHaveBeenCalled();
    union.safeParse({ type: 'a', x: 'not a number' });
    union.safeParse({ type: 'a', x: 1 });
    union.safeParse({ type: 'a', x: 2 });
    expect(builders.a).toHaveBeenCalledTimes(1);
    expect(builders.b).not.toHaveBeenCalled();
  });
});

describe('the tables of the worker’s messages', () => {
  it.each([
    ['ui', uiMessageSchemas],
    ['content', contentMessageSchemas],
  ] as const)('give each %s message type a schema that accepts that type alone', (_, builders) => {
    for (const [type, build] of Object.entries(builders)) {
      const schema = build() as z.ZodMiniType;
      // What z.discriminatedUnion reads of an option: the values its `type` may take.
      expect([...(schema._zod.propValues?.type ?? [])], type).toEqual([type]);
    }
  });
});
