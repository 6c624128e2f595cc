// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BUILTIN_PHRASE_LISTS } from '../../../src/phrases';
import { createBlockMatcher } from '../../../src/content/build-matcher';
import type { BlockFinding } from '../../../src/content/block-finding';
import type { Highlighter, HighlightSpan } from '../../../src/content/highlighter';
import { startPageScanner } from '../../../src/content/page-scanner';

/*
 * The page scanner with the exact scan asked of somewhere else (the background worker in the
 * extension): what it applies, and what it does when the answer is late, missing or wrong.
 */

const entries = BUILTIN_PHRASE_LISTS.flatMap((list) => list.entries);

const POSTS = [
  '<article><p>出售枪支 气狗 微信 abc12345 价格 1800元</p></article>',
  '<article><p>Pour the lemonade over ice and serve.</p></article>',
  '<article><p>fake passports for sale, DM on Telegram @docs4u, $900</p></article>',
  '<article><p>A quiet walk by the river on Sunday.</p></article>',
];

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

/** Records what the scanner highlights, as text. */
function recordingHighlighter() {
  const marked = new Map<Element, string[]>();
  const highlighter: Highlighter = {
    set(block, spans: readonly HighlightSpan[]) {
      marked.set(block, spans.map((span) => span.startNode.data.slice(span.startOffset, span.startNode === span.endNode ? span.endOffset : undefined)));
    },
    remove(block) {
      marked.delete(block);
    },
    adoptRoot() {},
    rangeFor: () => null,
    clear() {
      marked.clear();
    },
  };
  return { highlighter, marked };
}

function scan(doc: Document, scanElsewhere?: (blocks: string[][]) => Promise<BlockFinding[] | undefined>, mutationDelayMs = 10) {
  const { highlighter, marked } = recordingHighlighter();
  const controller = new AbortController();
  const scanner = startPageScanner({
    doc,
    matcher: createBlockMatcher(entries),
    highlighter,
    signal: controller.signal,
    onSummary: () => undefined,
    mutationDelayMs,
    scanElsewhere,
  });
  const texts = () => [...marked.values()].flat().sort();
  return { scanner, texts, stop: () => controller.abort() };
}

describe('exact scans elsewhere', () => {
  it('applies the findings of the other side, which is asked about the candidate blocks only', async () => {
    const worker = createBlockMatcher(entries);
    const asked: string[][] = [];
    const here = scan(page(POSTS.join('')));
    await here.scanner.ready;
    const elsewhere = scan(page(POSTS.join('')), async (blocks) => {
      asked.push(...blocks);
      return blocks.map((texts) => worker.scanBlock(texts));
    });
    await elsewhere.scanner.ready;
    expect(elsewhere.texts()).toEqual(here.texts());
    expect(elsewhere.texts().length).toBeGreaterThan(0);
    expect(elsewhere.scanner.summary()).toEqual(here.scanner.summary());
    // The river walk has nothing the prefilter reads: it never leaves the page.
    expect(asked.flat().join(' ')).not.toContain('river');
    expect(asked.flat().join(' ')).toContain('出售枪支');
    here.stop();
    elsewhere.stop();
  });

  it('scans on the page when the other side does not answer, and stops asking after three requests in a row', async () => {
    let calls = 0;
    const expected = scan(page(POSTS.join('')));
    await expected.scanner.ready;
    const doc = page(POSTS.join(''));
    const fallback = scan(doc, async () => {
      calls++;
      return undefined;
    });
    await fallback.scanner.ready;
    expect(fallback.texts()).toEqual(expected.texts());
    expect(calls).toBe(1);
    for (const drug of ['冰毒', '麻古', 'K粉', '摇头丸']) {
      const post = doc.createElement('article');
      post.textContent = `出售 ${drug} 1g 300元 QQ 12345678`;
      doc.body.append(post);
      await until(() => fallback.texts().some((text) => text.includes(drug)));
    }
    expect(calls).toBe(3);
    expected.stop();
    fallback.stop();
  });

  it('drops an answer that a later reading of the same block overtook', async () => {
    const worker = createBlockMatcher(entries);
    const doc = page(POSTS.join(''));
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let requests = 0;
    const overtaken = scan(doc, async (blocks) => {
      const answer = blocks.map((texts) => worker.scanBlock(texts));
      if (requests++ === 0) await held;
      return answer;
    });
    await until(() => requests === 1);
    // A node joins the first post while its first answer is out; the rescan's answer comes back first.
    const added = doc.createElement('span');
    added.textContent = '。冰毒 一克 300元';
    doc.querySelector('article p')!.append(added);
    await until(() => overtaken.texts().some((text) => text.includes('冰毒'))).catch((e) => { throw new Error(`${e} requests=${requests} texts=${overtaken.texts().join('/')}`); });
    release();
    await overtaken.scanner.ready;
    expect(overtaken.texts().some((text) => text.includes('冰毒'))).toBe(true);
    expect(overtaken.texts().join(' ')).toContain('气狗');
    overtaken.stop();
  });

  it('falls back when the answer has the wrong number of findings or the request fails', async () => {
    for (const answer of [async () => [], async () => Promise.reject(new Error('no receiving end'))]) {
      const found = scan(page(POSTS.join('')), answer);
      await found.scanner.ready;
      expect(found.scanner.summary().suspectBlocks).toBe(2);
      found.stop();
    }
  });

  it('does not apply an answer to text that changed while it was asked about, and rescans the change', async () => {
    const worker = createBlockMatcher(entries);
    const doc = page(POSTS.join(''));
    const first = doc.querySelector('article p')!;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let requests = 0;
    const changing = scan(
      doc,
      async (blocks) => {
        const answer = blocks.map((texts) => worker.scanBlock(texts));
        if (requests++ === 0) await held;
        return answer;
      },
      300,
    );
    // The page edits the post while the first answer is on its way.
    await until(() => requests === 1);
    first.textContent = '已售出。出售 冰毒 1g 300元';
    release();
    await changing.scanner.ready;
    // Before the rescan: the old answer's offsets were not laid on the new text; other posts were marked.
    expect(changing.texts().join(' ')).toContain('fake passports');
    expect([...changing.texts()].some((text) => /售出|冰毒|出售/.test(text))).toBe(false);
    // After it: the post is marked by its new text.
    await until(() => changing.texts().some((text) => text.includes('冰毒')));
    expect(requests).toBe(2);
    changing.stop();
  });

  it('drops spans whose offsets lie past their text node', async () => {
    const found = scan(page(POSTS.slice(0, 1).join('')), async (blocks) =>
      blocks.map(() => ({
        suspect: true,
        spans: [
          { startNode: 0, startOffset: 0, endNode: 0, endOffset: 4, phrase: '出售枪支', category: 'firearms-explosives' as const, strength: 'strong' as const },
          { startNode: 0, startOffset: 2, endNode: 0, endOffset: 9999, phrase: 'x', category: 'firearms-explosives' as const, strength: 'strong' as const },
          { startNode: 7, startOffset: 0, endNode: 7, endOffset: 1, phrase: 'y', category: 'firearms-explosives' as const, strength: 'strong' as const },
        ],
      })),
    );
    await found.scanner.ready;
    expect(found.texts()).toEqual(['出售枪支']);
    found.stop();
  });
});

async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
