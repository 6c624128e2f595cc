import browser, { type Runtime } from 'webextension-polyfill';
import { contentToBackground, uiToBackground, type ContentMessage } from '../shared/protocol/messages';
import { updateBadge } from './badge';
import { prefilterTexts, scanBlocks, scanPlan } from './scan-handlers';
import { handleUiMessage } from './ui-handlers';
import { listingPicked } from './pick-listing';
import { injectForBootstrap, insertHighlightCss } from './inject-scanner';
import { fail, ok, type Reply } from '../shared/protocol/reply';

export type SenderKind = 'ui' | 'content' | 'foreign';

/** Privileged messages come only from our own pages: same extension id and an extension-origin URL. */
export function senderKind(sender: Runtime.MessageSender, extensionId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== extensionId) return 'foreign';
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin)) return 'ui';
  if (sender.tab?.id !== undefined) return 'content';
  return 'foreign';
}

const refusals = new Set<string>();

/** Logs each kind of refusal once, so a hostile page cannot flood the console. */
function refuse(reason: string): undefined {
  if (!refusals.has(reason)) {
    refusals.add(reason);
    console.warn('tipline: refused message:', reason);
  }
  return undefined;
}

/**
 * Not an async function: returning undefined leaves a message unanswered, as for a listener that
 * does not handle it, while an async listener would claim every message (docs/ARCHITECTURE.md, style).
 */
export function routeMessage(message: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> | undefined {
  const kind = senderKind(sender, browser.runtime.id, browser.runtime.getURL(''));
  if (kind === 'ui') {
    const parsed = uiToBackground.safeParse(message);
    if (!parsed.success) return refuse(`invalid ui message ${describe(message)}`);
    return settle(handleUiMessage(parsed.data));
  }
  if (kind === 'content') {
    const parsed = contentToBackground.safeParse(message);
    if (!parsed.success) return refuse(`invalid content message ${describe(message)}`);
    return settle(handleContentMessage(parsed.data, sender));
  }
  return refuse('foreign sender');
}

function describe(message: unknown): string {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type.slice(0, 40) : typeof message;
}

async function settle(work: Promise<unknown>): Promise<Reply<unknown>> {
  try {
    return ok(await work);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

async function handleContentMessage(message: ContentMessage, sender: Runtime.MessageSender): Promise<unknown> {
  switch (message.type) {
    case 'content/scan-blocks':
      return scanBlocks(message.blocks, message.policy, sender.tab?.id, message.page, message.nearby);
    case 'content/prefilter-texts':
      return prefilterTexts(message.texts, message.state, message.policy, sender.tab?.id);
    case 'content/scan-plan':
      return scanPlan(message.site);
    case 'content/summary': {
      const tabId = sender.tab?.id;
      // Only the top frame speaks for the tab's badge; frames report through it.
      if (tabId === undefined || (sender.frameId ?? 0) !== 0) return null;
      await updateBadge(tabId, message.summary);
      return null;
    }
    case 'content/listing-picked':
      return listingPicked(sender.tab, sender.frameId);
    case 'content/inject-scanner':
      return injectForBootstrap(sender, scanPlan);
    case 'content/highlight-style':
      return insertHighlightCss(sender);
  }
}
