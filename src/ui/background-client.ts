import browser from 'webextension-polyfill';
import type { PreparedDraft, Reply, UiMessage } from '../shared/messages';
import type { Settings } from '../shared/settings';
import type { ReportView } from '../background/records';
import type { TabContext } from '../background/tab-context';
import type { EndpointCheck } from '../background/endpoint-check';
import type { LockedSetting } from '../shared/managed-settings';
import type { StoredLists } from '../shared/phrase-subscriptions';

/** What the background answers to each UI message, so call sites get typed results. */
export interface UiReplies {
  'tab/context': TabContext;
  'capture/visible': { partId: string; bytes: number; sha256: string };
  'capture/full-page': { partId: string; bytes: number; sha256: string };
  'capture/snapshot': { partId: string; bytes: number; sha256: string; mediaType: string };
  'draft/discard': { removed: number };
  'draft/get': PreparedDraft | null;
  'report/submit': ReportView;
  'history/list': ReportView[];
  'history/get': ReportView | null;
  'history/retry': ReportView | null;
  'history/cancel': ReportView | null;
  'history/delete': null;
  'settings/get': Settings;
  'settings/save': Settings;
  'endpoint/test': EndpointCheck;
  'page/scroll-to': unknown;
  'data/clear': null;
  'settings/locked': LockedSetting[];
  'lists/status': StoredLists;
  'lists/refresh': StoredLists;
}

export type UiMessageOf<K extends UiMessage['type']> = Extract<UiMessage, { type: K }>;

export interface BackgroundClient {
  call<K extends UiMessage['type']>(message: UiMessageOf<K>): Promise<UiReplies[K]>;
}

export class BackgroundError extends Error {}

/** The one way pages reach the background (DESIGN.md §8); tests swap in a double with the same shape. */
export const backgroundClient: BackgroundClient = {
  async call(message) {
    const reply = (await browser.runtime.sendMessage(message)) as Reply<never> | undefined;
    if (!reply) throw new BackgroundError('error_no_answer');
    if (!reply.ok) throw new BackgroundError(reply.error);
    return reply.data;
  },
};
