/**
 * The background worker's part of a scan (src/background/scan-handlers.ts), in a Web Worker of a
 * benchmark page: the prefilter over the texts the page sends and the exact scan of its candidate
 * blocks, with the same matcher and replies. Requests and replies travel as JSON text, as extension
 * messages do, so that the page pays for serialising them.
 */
import { createBlockMatcher } from '../src/matcher/build-matcher';
import type { BlockMatcher } from '../src/matcher/block-finding';
import { PagePrefilter } from '../src/matcher/prefilter';
import { prefilterCandidates } from '../src/matcher/prefilter-bits';
import { fromBase64 } from '../src/matcher/table-pack';
import type { Category } from '../src/shared/taxonomy';
import { foundIn } from '../src/shared/protocol/scan-replies';

type Request =
  | { type: 'init'; phrases: { phrase: string; category: Category; strength: 'strong' | 'weak' }[]; tables?: string }
  | { type: 'message'; id: number; json: string };

type Message = { type: 'content/prefilter-texts'; state: number; texts: string[] } | { type: 'content/scan-blocks'; blocks: string[][] };

let matcher: BlockMatcher | undefined;
/** Time spent answering, for the page to report. */
let busyMs = 0;

function answer(message: Message, built: BlockMatcher): unknown {
  if (message.type === 'content/scan-blocks') return foundIn(message.blocks.map((texts) => built.scanBlock(texts)));
  return prefilterCandidates(built.prefilter, message.texts, message.state);
}

self.onmessage = (event: MessageEvent<Request>) => {
  const request = event.data;
  if (request.type === 'init') {
    const { phrases, tables } = request;
    matcher = tables
      ? createBlockMatcher(phrases, [], { prefilter: new PagePrefilter(fromBase64(tables)), include: () => true })
      : createBlockMatcher(phrases);
    // Warm, as the extension's worker is after its first pages.
    const sample = phrases.map((p) => p.phrase).join(' | ');
    matcher.scanBlock([sample]);
    answer({ type: 'content/prefilter-texts', state: 0, texts: [sample] }, matcher);
    self.postMessage({ type: 'ready' });
    return;
  }
  const started = performance.now();
  const json = JSON.stringify({ ok: true, data: answer(JSON.parse(request.json) as Message, matcher as BlockMatcher) });
  busyMs += performance.now() - started;
  self.postMessage({ type: 'reply', id: request.id, json, busyMs });
};
