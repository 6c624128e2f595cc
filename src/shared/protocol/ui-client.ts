import browser from 'webextension-polyfill';
import type { UiMessage } from './messages';
import type { Reply } from './reply';
import type { UiReplies } from './ui-replies';

export type UiMessageOf<K extends UiMessage['type']> = Extract<UiMessage, { type: K }>;

export interface BackgroundClient {
  call<K extends UiMessage['type']>(message: UiMessageOf<K>): Promise<UiReplies[K]>;
}

export class BackgroundError extends Error {}

/**
 * The one way the extension pages reach the background (docs/ARCHITECTURE.md); unit tests use the
 * double in ui-client-double.ts, which has the same shape.
 */
export const backgroundClient: BackgroundClient = {
  async call(message) {
    const reply = (await browser.runtime.sendMessage(message)) as Reply<never> | undefined;
    if (!reply) throw new BackgroundError('error_no_answer');
    if (!reply.ok) throw new BackgroundError(reply.error);
    return reply.data;
  },
};
