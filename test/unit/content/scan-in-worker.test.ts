// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BUILTIN_PHRASE_LISTS } from '../../../src/phrases';
import { createBlockMatcher } from '../../../src/matcher/build-matcher';
import type { BlockMatcher } from '../../../src/matcher/block-finding';
import type { Highlighter, HighlightSpan } from '../../../src/content/highlighter';
import { startPageScanner } from '../../../src/content/page-scanner';
import { createLocalEngine } from '../../../bench/local-engine';
import { askWorker, createRemoteEngine, PolicyChangedError, type SendMessage } from '../../../src/content/remote-engine';
import { PART_UNITS } from '../../../src/content/text-pieces';
import { NO_FINDING, type ScanEngine } from '../../../src/content/scan-engine';
import { prefilterCandidates } from '../../../src/matcher/prefilter-bits';
import { prefilterTextsRequestSchema, scanBlocksRequestSchema, type PageSummary } from '../../../src/shared/protocol/messages';
import { foundIn } from '../../../src/shared/protocol/scan-replies';
import { POLICY_CHANGED, SCAN_BATCH_UNITS, WORKER_BUSY } from '../../../src/shared/protocol/block-scan-limits';

/*
 * The page scanner with its text matched in the background worker (remote-engine.ts), against a
 * stand-in for the worker that answers as src/background/scan-handlers.ts does: what it applies, what
 * it sends, and what it does when the answer is late, missing, wrong or refused.
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

type Sent = { type: 'content/prefilter-texts'; state: number; texts: string[] } | { type: 'content/scan-blocks'; blocks: string[][] };

/** The worker's side of the protocol, with the router's validation; `hold` can delay or replace an answer. */
function fakeWorker(matcher: BlockMatcher = createBlockMatcher(entries), hold?: (message: Sent, reply: unknown) => Promise<unknown>) {
  const sent: Sent[] = [];
  const send: SendMessage = async (message) => {
    const request = message as Sent;
    if (request.type === 'content/prefilter-texts') prefilterTextsRequestSchema.parse(request);
    else scanBlocksRequestSchema.parse(request);
    sent.push(request);
    const data =
      request.type === 'content/scan-blocks'
        ? foundIn(request.blocks.map((texts) => matcher.scanBlock(texts)))
        : prefilterCandidates(matcher.prefilter, request.texts, request.state);
    const reply = { ok: true, data };
    return hold ? hold(request, reply) : reply;
  };
  const blocksAsked = () => sent.flatMap((message) => (message.type === 'content/scan-blocks' ? message.blocks.flat() : []));
  const textsPrefiltered = () => sent.flatMap((message) => (message.type === 'content/prefilter-texts' ? message.texts : []));
  return { send, sent, blocksAsked, textsPrefiltered };
}

/** A stand-in worker whose first exact-scan answer waits until `release` is called. */
function holdingFirstScan() {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let scans = 0;
  const worker = fakeWorker(undefined, async (message, reply) => {
    if (message.type === 'content/scan-blocks' && scans++ === 0) await held;
    return reply;
  });
  return { worker, release: () => release(), scans: () => scans };
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

const QUICK = { timeoutMs: 200, retryAfterMs: [5, 5] as number[] };

function scan(doc: Document, engine: ScanEngine, mutationDelayMs = 10) {
  const { highlighter, marked } = recordingHighlighter();
  const controller = new AbortController();
  const errors: unknown[] = [];
  const summaries: PageSummary[] = [];
  const scanner = startPageScanner({
    doc,
    engine,
    highlighter,
    signal: controller.signal,
    onSummary: (summary) => summaries.push(summary),
    onError: (error) => errors.push(error),
    mutationDelayMs,
  });
  const texts = () => [...marked.values()].flat().sort();
  return { scanner, texts, errors, summaries, stop: () => controller.abort() };
}

const local = () => createLocalEngine(createBlockMatcher(entries));

describe('scans in the worker', () => {
  it('finds what a scan on the page finds; the worker prefilters every text and scans only candidate blocks', async () => {
    const here = scan(page(POSTS.join('')), local());
    await here.scanner.ready;
    const worker = fakeWorker();
    const there = scan(page(POSTS.join('')), createRemoteEngine('p', worker.send));
    await there.scanner.ready;
    expect(there.texts()).toEqual(here.texts());
    expect(there.texts().length).toBeGreaterThan(0);
    expect(there.scanner.summary()).toEqual(here.scanner.summary());
    expect(there.scanner.summary().suspectBlocks).toBe(2);
    expect(worker.textsPrefiltered().join(' ')).toContain('river');
    // The river walk has nothing the prefilter reads: its block is never scanned exactly.
    expect(worker.blocksAsked().join(' ')).not.toContain('river');
    expect(worker.blocksAsked().join(' ')).toContain('出售枪支');
    here.stop();
    there.stop();
  });

  it('carries the prefilter state from one call to the next, so a phrase split by markup at a batch edge is found', async () => {
    const html = '<article><p>fresh ful<b>lz</b> here, DM me</p></article>';
    const oneTextACall = createLocalEngine(createBlockMatcher(entries), { prefilterTexts: 1, units: 65_536, blocks: 20 });
    const split = scan(page(html), oneTextACall);
    await split.scanner.ready;
    expect(split.scanner.summary().suspectBlocks).toBe(1);
    // The span starts in the first node and ends in the second.
    expect(split.texts()).toEqual(['ful']);
    split.stop();
  });

  it('asks again when the worker gives no valid answer, and reports the failure after the last try', async () => {
    let failures = 2;
    const flaky = fakeWorker(undefined, async (_message, reply) => (failures-- > 0 ? { ok: true, data: 'garbage' } : reply));
    const recovered = scan(page(POSTS.join('')), createRemoteEngine('p', flaky.send, QUICK));
    await recovered.scanner.ready;
    expect(recovered.scanner.summary().suspectBlocks).toBe(2);
    expect(recovered.errors).toEqual([]);
    recovered.stop();

    let calls = 0;
    const silent: SendMessage = () => {
      calls++;
      return new Promise(() => undefined);
    };
    const lost = scan(page(POSTS.join('')), createRemoteEngine('p', silent, QUICK));
    await lost.scanner.ready;
    expect(calls).toBe(3);
    expect(lost.errors).toHaveLength(1);
    expect(lost.texts()).toEqual([]);
    lost.stop();
  });

  it('asks again later, without counting a try, while the worker says the tab is over its budget', async () => {
    let busy = 5;
    const slowed = fakeWorker(undefined, async (_message, reply) => (busy-- > 0 ? { ok: false, error: WORKER_BUSY } : reply));
    const run = scan(page(POSTS.join('')), createRemoteEngine('p', slowed.send, { ...QUICK, busyRetryMs: 5 }));
    await run.scanner.ready;
    expect(run.errors).toEqual([]);
    expect(run.scanner.summary().suspectBlocks).toBe(2);
    run.stop();
  });

  it('asks nothing again once the scan is stopped', async () => {
    let calls = 0;
    const controller = new AbortController();
    const silent: SendMessage = async () => {
      calls++;
      controller.abort();
      return undefined;
    };
    await expect(askWorker(silent, { type: 'content/scan-plan', site: 'x' }, () => undefined, { ...QUICK, signal: controller.signal })).rejects.toThrow(/stopped/);
    expect(calls).toBe(1);
  });

  it('stops at once, without asking again, when the worker scans under another policy', async () => {
    let calls = 0;
    const refusing: SendMessage = async () => {
      calls++;
      return { ok: false, error: POLICY_CHANGED };
    };
    const refused = scan(page(POSTS.join('')), createRemoteEngine('old', refusing, QUICK));
    await refused.scanner.ready;
    expect(calls).toBe(1);
    expect(refused.errors[0]).toBeInstanceOf(PolicyChangedError);
    refused.stop();
  });

  it('drops an answer that a later reading of the same block overtook', async () => {
    const doc = page(POSTS.join(''));
    const { worker, release, scans } = holdingFirstScan();
    const overtaken = scan(doc, createRemoteEngine('p', worker.send));
    await until(() => scans() === 1);
    // A node joins the first post while its first answer is out; the rescan's answer comes back first.
    const added = doc.createElement('span');
    added.textContent = '。冰毒 一克 300元';
    doc.querySelector('article p')!.append(added);
    await until(() => overtaken.texts().some((text) => text.includes('冰毒')));
    release();
    await overtaken.scanner.ready;
    expect(overtaken.texts().some((text) => text.includes('冰毒'))).toBe(true);
    expect(overtaken.texts().join(' ')).toContain('气狗');
    overtaken.stop();
  });

  it('does not apply an answer to text that changed while it was asked about, and rescans the change', async () => {
    const doc = page(POSTS.join(''));
    const first = doc.querySelector('article p')!;
    const { worker, release, scans } = holdingFirstScan();
    const changing = scan(doc, createRemoteEngine('p', worker.send), 300);
    // The page edits the post while the first answer is on its way.
    await until(() => scans() === 1);
    first.textContent = '已售出。出售 冰毒 1g 300元';
    release();
    await changing.scanner.ready;
    // Before the rescan: the old answer's offsets were not laid on the new text; other posts were marked.
    expect(changing.texts().join(' ')).toContain('fake passports');
    expect([...changing.texts()].some((text) => /售出|冰毒|出售/.test(text))).toBe(false);
    // After it: the post is marked by its new text.
    await until(() => changing.texts().some((text) => text.includes('冰毒')));
    expect(scans()).toBe(2);
    changing.stop();
  });

  it('gathers the changes made while a rescan waits into one next rescan', async () => {
    const doc = page(POSTS[3]!);
    const { worker, release, scans } = holdingFirstScan();
    const run = scan(doc, createRemoteEngine('p', worker.send));
    await run.scanner.ready;
    const add = (text: string) => {
      const post = doc.createElement('article');
      post.textContent = text;
      doc.body.append(post);
    };
    add('出售 冰毒 1g 300元 QQ 12345678');
    await until(() => scans() === 1);
    // Three more bursts of changes while the first rescan's answer is held.
    for (const drug of ['麻古', 'K粉', '摇头丸']) {
      add(`出售 ${drug} 1g 300元 QQ 12345678`);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    expect(scans()).toBe(1);
    release();
    await until(() => run.texts().some((text) => text.includes('摇头丸')));
    expect(scans()).toBe(2);
    run.stop();
  });

  it('reports nothing and lays nothing when it is stopped while a rescan’s answer is out', async () => {
    const doc = page(POSTS[3]!);
    const { worker, release, scans } = holdingFirstScan();
    const run = scan(doc, createRemoteEngine('p', worker.send));
    await run.scanner.ready;
    expect(run.summaries).toHaveLength(1);
    const post = doc.createElement('article');
    post.textContent = '出售 冰毒 1g 300元 QQ 12345678';
    doc.body.append(post);
    await until(() => scans() === 1);
    // A restart (new settings) stops this scan while the worker holds its answer.
    run.stop();
    release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(run.summaries).toHaveLength(1);
    expect(run.texts()).toEqual([]);
    expect(run.errors).toEqual([]);
  });

  it('drops the highlights of a post whose text went with a removed element', async () => {
    const doc = page('<ul><li><span>fake passports for sale, DM on Telegram @docs4u, $900</span></li></ul><article><p>fake <b>passports</b> for sale, DM me, $900</p></article>');
    const run = scan(doc, createRemoteEngine('p', fakeWorker().send));
    await run.scanner.ready;
    expect(run.scanner.summary().suspectBlocks).toBe(2);
    // The list item keeps no text node of its own; the bold element loses its only child.
    doc.querySelector('li span')!.remove();
    doc.querySelector('article b')!.textContent = '';
    await until(() => run.scanner.summary().suspectBlocks === 0);
    expect(run.texts()).toEqual([]);
    run.stop();
  });

  it('drops spans whose offsets lie past their text node', async () => {
    const worker = fakeWorker(undefined, async (message, reply) =>
      message.type === 'content/prefilter-texts'
        ? reply
        : {
            ok: true,
            data: [
              {
                block: 0,
                finding: {
                  suspect: true,
                  spans: [
                    { startNode: 0, startOffset: 0, endNode: 0, endOffset: 4, phrase: '出售枪支', category: 'firearms-explosives', strength: 'strong' },
                    { startNode: 0, startOffset: 2, endNode: 0, endOffset: 9999, phrase: 'x', category: 'firearms-explosives', strength: 'strong' },
                    { startNode: 7, startOffset: 0, endNode: 7, endOffset: 1, phrase: 'y', category: 'firearms-explosives', strength: 'strong' },
                  ],
                },
              },
            ],
          },
    );
    const found = scan(page(POSTS.slice(0, 1).join('')), createRemoteEngine('p', worker.send));
    await found.scanner.ready;
    expect(found.texts()).toEqual(['出售枪支']);
    found.stop();
  });
});

describe('an engine on the page’s own thread', () => {
  it('still gets time slices: the scanner yields to the page between its calls', async () => {
    let ticked = false;
    let tickSeen = false;
    const busy: ScanEngine = {
      limits: { prefilterTexts: 1, units: 65_536, blocks: 20 },
      offThread: false,
      async prefilter(_texts, state) {
        // Half a millisecond of page time a text node.
        const end = performance.now() + 0.5;
        while (performance.now() < end);
        tickSeen ||= ticked;
        return { state, candidates: [] };
      },
      scanBlocks: async (blocks) => blocks.map(() => NO_FINDING),
    };
    const doc = page(Array.from({ length: 200 }, (_, i) => `<p>post ${i}</p>`).join(''));
    setTimeout(() => (ticked = true), 0);
    const run = scan(doc, busy);
    await run.scanner.ready;
    expect(tickSeen).toBe(true);
    run.stop();
  });
});

describe('text over one request’s limits', () => {
  const filler = 'the garden market by the river '.repeat(40_000); // 1.24M units

  it('prefilters a text node of more than a million characters in pieces and names the node', async () => {
    const worker = fakeWorker();
    const engine = createRemoteEngine('p', worker.send);
    const result = await engine.prefilter(['a quiet walk', `${filler}fake passports for sale`, 'by the river'], 0);
    expect(result.candidates).toEqual([1]);
    expect(worker.sent.length).toBeGreaterThan(1);
  });

  it('cuts a long text between characters, not between the halves of a surrogate pair', async () => {
    const worker = fakeWorker();
    const engine = createRemoteEngine('p', worker.send);
    // An astral character across the million-unit mark.
    const text = `${'x'.repeat(999_999)}😀fake passports for sale`;
    await engine.prefilter([text], 0);
    const pieces = worker.textsPrefiltered();
    expect(pieces.join('')).toBe(text);
    expect(pieces[0]).toHaveLength(999_999);
    expect(pieces[1]?.startsWith('😀')).toBe(true);
  });

  it('scans a block of more than a million characters in parts, with offsets in the whole text', async () => {
    const worker = fakeWorker();
    const engine = createRemoteEngine('p', worker.send);
    const text = `${filler}fake passports for sale`;
    const [finding] = await engine.scanBlocks([['intro'], [text]]).then((findings) => findings.slice(1));
    const span = finding?.spans.find((s) => s.phrase === 'fake passports');
    expect(span).toBeDefined();
    expect(text.slice(span!.startOffset, span!.endOffset).toLowerCase()).toBe('fake passports');
    expect(span!.startNode).toBe(0);
  });
  it('finds a phrase across a cut between parts once, where it is, and keeps the neighbours of a word at a cut', async () => {
    const worker = fakeWorker();
    const engine = createRemoteEngine('p', worker.send);
    const pad = 'the garden market by the river ';
    // The phrase straddles each place a cut may fall, and "gunmetal" straddles one more.
    const cuts = [PART_UNITS, SCAN_BATCH_UNITS, 2 * PART_UNITS, 2 * SCAN_BATCH_UNITS];
    let text = '';
    for (const at of cuts) text += `${pad.repeat(Math.ceil(at / pad.length)).slice(0, at - text.length - 7)} fake passports for sale `;
    text += `${pad.repeat(Math.ceil(PART_UNITS / pad.length)).slice(0, 3 * PART_UNITS - text.length - 4)} gunmetal paint, DM me`;
    const [finding] = await engine.scanBlocks([[text]]);
    const found = finding!.spans.filter((span) => span.phrase === 'fake passports');
    expect(found.map((span) => span.startOffset)).toEqual(cuts.map((at) => at - 6));
    for (const span of found) expect(text.slice(span.startOffset, span.endOffset).toLowerCase()).toBe('fake passports');
    expect(finding!.spans.some((span) => span.phrase === 'gun')).toBe(false);
    expect(worker.sent.filter((message) => message.type === 'content/scan-blocks').length).toBeGreaterThan(2);
  });

  it('sends a block of more text nodes than one request takes in parts, and the blocks around it together', async () => {
    const worker = fakeWorker();
    const engine = createRemoteEngine('p', worker.send);
    const many = Array.from({ length: 6_000 }, (_, i) => (i === 5_500 ? 'fake passports for sale' : `note ${i} `));
    const findings = await engine.scanBlocks([['出售枪支 微信 abc12345'], many, ['a quiet walk'], ['fullz for sale, DM me']]);
    const requests = worker.sent.filter((message) => message.type === 'content/scan-blocks').map((message) => message.blocks.length);
    // One request before the big block, two for its parts, one for the two after it.
    expect(requests).toEqual([1, 1, 1, 2]);
    expect(findings.map((finding) => finding.spans.length > 0)).toEqual([true, true, false, true]);
    const span = findings[1]?.spans.find((s) => s.phrase === 'fake passports');
    expect(span?.startNode).toBe(5_500);
  });
});

async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
