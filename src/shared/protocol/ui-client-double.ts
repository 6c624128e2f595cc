import type { UiMessage } from './messages';
import { BackgroundError, type BackgroundClient, type UiMessageOf } from './ui-client';
import type { UiReplies } from './ui-replies';

/*
 * A stand-in for the background, for the unit tests of the extension pages: a BackgroundClient built
 * from one handler per message type. Tests only: nothing under src/ imports it, so it never ships.
 */

type UiType = UiMessage['type'];

/** What the background would answer to one message type; throwing stands for an error reply. */
export type UiHandler<K extends UiType> = (message: UiMessageOf<K>) => UiReplies[K] | Promise<UiReplies[K]>;
export type UiHandlers = { [K in UiType]?: UiHandler<K> };

export interface BackgroundClientDouble extends BackgroundClient {
  /** Every message sent, in order, as sent (copies: a caller changing its object later changes nothing here). */
  readonly calls: readonly UiMessage[];
  /** The messages of one type, in order. */
  callsOf<K extends UiType>(type: K): UiMessageOf<K>[];
  /** Sets or replaces the handler of one type, e.g. to make the next capture fail. */
  handle<K extends UiType>(type: K, handler: UiHandler<K> | undefined): void;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Fails as the real client in ui-client.ts does: a handler that throws is an error reply, so the caller
 * gets a BackgroundError with its message; a type without a handler is a message nobody answers.
 * Replies are copied, as they would be across the context boundary, and never arrive synchronously.
 */
export function backgroundClientDouble(handlers: UiHandlers = {}): BackgroundClientDouble {
  const table: UiHandlers = { ...handlers };
  const calls: UiMessage[] = [];
  return {
    calls,
    callsOf<K extends UiType>(type: K) {
      return calls.filter((message): message is UiMessageOf<K> => message.type === type);
    },
    handle<K extends UiType>(type: K, handler: UiHandler<K> | undefined) {
      (table as Record<K, UiHandler<K> | undefined>)[type] = handler;
    },
    async call<K extends UiType>(message: UiMessageOf<K>): Promise<UiReplies[K]> {
      calls.push(structuredClone(message));
      const handler = (table as Record<K, UiHandler<K> | undefined>)[message.type as K];
      if (!handler) throw new BackgroundError('error_no_answer', { cause: `no handler for ${message.type}` });
      let reply: UiReplies[K];
      try {
        reply = await handler(structuredClone(message));
      } catch (error) {
        if (error instanceof BackgroundError) throw error;
        throw new BackgroundError(errorMessage(error), { cause: error });
      }
      return structuredClone(reply);
    },
  };
}
