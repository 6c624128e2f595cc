import type { z } from 'zod/mini';

/**
 * Each message `type` of one direction and the builder of its schema, whose `type` is that literal (a
 * builder that names another type does not compile).
 */
export type MessageBuilders<T> = { [K in keyof T]: () => z.ZodMiniType<{ type: K }> };

/** The messages a table accepts: the union of its schemas' outputs. */
export type MessageOf<T extends MessageBuilders<T>> = { [K in keyof T]: z.infer<ReturnType<T[K]>> }[keyof T];

/**
 * A discriminated union on `type` whose options are built one at a time: a message's own type's schema,
 * the first time a message of that type arrives, then kept: building every option delayed the worker's
 * start, which a page waits for (README, Performance), and a worker woken for one message needs one.
 * As with `z.discriminatedUnion`, a message is checked only by the schema its `type` names, and one
 * without a `type` of the table (missing, unknown, inherited like `toString`) is refused.
 */
export function lazyUnionByType<const T extends MessageBuilders<T>>(builders: T) {
  const built = new Map<string, z.ZodMiniType>();
  return {
    safeParse(message: unknown): { success: true; data: MessageOf<T> } | { success: false } {
      const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
      if (typeof type !== 'string' || !Object.hasOwn(builders, type)) return { success: false };
      let schema = built.get(type);
      if (!schema) {
        // Looked up when first needed, not when the union is made.
        schema = (builders[type as keyof T] as () => z.ZodMiniType)();
        built.set(type, schema);
      }
      const parsed = schema.safeParse(message);
      return parsed.success ? { success: true, data: parsed.data as MessageOf<T> } : { success: false };
    },
  };
}
