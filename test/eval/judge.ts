import { buildBlockMatcher } from '../../src/matcher/build-matcher';
import type { BlockMatcher } from '../../src/matcher/block-finding';
import { defaultSettings } from '../../src/shared/settings';
import type { Highlighter, HighlightSpan } from '../../src/content/highlighter';
import { startPageScanner } from '../../src/content/page-scanner';
import { withSeparators } from '../../src/content/block-text';
import { textNodesOf } from '../../src/content/text-nodes';
import type { FoundSpan } from '../../src/shared/protocol/block-scan';
import { createLocalEngine } from '../../bench/local-engine';

/*
 * What the extension would say of a page: the content script's own walk and blocks
 * (src/content/page-scanner.ts) under the test's DOM, with the worker's matcher as a new install
 * builds it (default settings, built-in lists). Needs a DOM environment (happy-dom).
 */

export interface BlockVerdict {
  suspect: boolean;
  /** The block's text, cut for reading. */
  excerpt: string;
  phrases: { text: string; phrase: string; category: string; strength: FoundSpan['strength'] }[];
}

export interface PageVerdict {
  /** The badge's number: suspect listings on the page. */
  suspectBlocks: number;
  /** The category with most suspect phrases, as the form would pre-select it. */
  category: string | null;
  blocks: BlockVerdict[];
}

let matcher: Promise<BlockMatcher> | undefined;

export function defaultMatcher(): Promise<BlockMatcher> {
  matcher ??= buildBlockMatcher(defaultSettings(), []);
  return matcher;
}

function spanText(span: HighlightSpan): string {
  if (span.startNode === span.endNode) return span.startNode.data.slice(span.startOffset, span.endOffset);
  return span.startNode.data.slice(span.startOffset) + '…' + span.endNode.data.slice(0, span.endOffset);
}

/** Loads the page's body into the test's document and scans it as the content script would. */
export async function judgePage(html: string, blockMatcher?: BlockMatcher): Promise<PageVerdict> {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.title = parsed.title;
  document.documentElement.lang = parsed.documentElement.lang;
  document.body.innerHTML = parsed.body.innerHTML;
  const marked = new Map<Element, readonly HighlightSpan[]>();
  const highlighter: Highlighter = {
    set: (block, spans) => void marked.set(block, spans),
    remove: (block) => void marked.delete(block),
    adoptRoot() {},
    rangeFor: () => null,
    clear: () => marked.clear(),
  };
  const controller = new AbortController();
  const scanner = startPageScanner({
    doc: document,
    engine: createLocalEngine(blockMatcher ?? (await defaultMatcher())),
    highlighter,
    signal: controller.signal,
    onSummary: () => undefined,
    onError: (error) => {
      throw error;
    },
  });
  try {
    await scanner.ready;
    const summary = scanner.summary();
    const blocks: BlockVerdict[] = [];
    for (const [block, spans] of marked) {
      const findings = scanner.findingsWithin(block);
      const suspect = findings.some((finding) => finding.suspect);
      const found = findings.flatMap((finding) => finding.spans);
      blocks.push({
        suspect,
        excerpt: excerptOf(block),
        // The highlighter's spans follow the finding's, one for one, when the block holds one finding.
        phrases: spans.map((span, i) => {
          const match = found.length === spans.length ? found[i] : undefined;
          return { text: spanText(span), phrase: match?.phrase ?? spanText(span), category: span.category, strength: match?.strength ?? (span.suspect ? 'strong' : 'weak') };
        }),
      });
    }
    const byCategory = new Map<string, number>();
    for (const match of summary.matches) byCategory.set(match.category, (byCategory.get(match.category) ?? 0) + match.count);
    const category = [...byCategory.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    return { suspectBlocks: summary.suspectBlocks, category, blocks };
  } finally {
    controller.abort();
  }
}

/** The block's text as the matcher reads it (the content script's walk, lines apart: src/content/block-text.ts), for the report. */
function excerptOf(block: Element): string {
  return withSeparators([...textNodesOf(block)], new WeakMap()).texts.join('').replace(/\s+/g, ' ').trim().slice(0, 160);
}
