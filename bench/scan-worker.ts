/**
 * The background worker's part of a scan (src/background/block-scan.ts), in a Web Worker of a
 * benchmark page: the exact scan of the blocks the page sends, with the same matcher and reply.
 */
import { createBlockMatcher } from '../src/content/build-matcher';
import type { BlockMatcher } from '../src/content/block-finding';
import { PagePrefilter } from '../src/content/match/prefilter';
import { fromBase64 } from '../src/content/match/table-pack';
import { foundIn } from '../src/shared/block-scan';
import type { Category } from '../src/shared/taxonomy';

type Request =
  | { type: 'init'; phrases: { phrase: string; category: Category; strength: 'strong' | 'weak' }[]; tables?: string }
  | { type: 'scan'; id: number; blocks: string[][] };

let matcher: BlockMatcher | undefined;
/** Time spent scanning, for the page to report. */
let busyMs = 0;

self.onmessage = (event: MessageEvent<Request>) => {
  const request = event.data;
  if (request.type === 'init') {
    const { phrases, tables } = request;
    matcher = tables
      ? createBlockMatcher(phrases, [], { prefilter: new PagePrefilter(fromBase64(tables)), include: () => true })
      : createBlockMatcher(phrases);
    // Warm, as the extension's worker is after its first pages.
    matcher.scanBlock([phrases.map((p) => p.phrase).join(' | ')]);
    self.postMessage({ type: 'ready' });
    return;
  }
  const started = performance.now();
  const found = foundIn(request.blocks.map((texts) => (matcher as BlockMatcher).scanBlock(texts)));
  busyMs += performance.now() - started;
  self.postMessage({ type: 'found', id: request.id, found, busyMs });
};
