import { describe, expect, it } from 'vitest';
import { readPrefilterReply, readScanBlocksReply, readScanPlan } from '../../../src/content/read-replies';
import { blockFindingSchema, prefilterReplySchema, scanBlocksReplySchema, scanPlanReplySchema } from '../../../src/shared/protocol/block-scan';

/*
 * The content script reads the worker's replies with hand-written guards (they start faster than
 * zod schemas on a page). They must accept exactly what the schemas accept, and give the same data.
 */

function prng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

const ODD_VALUES: unknown[] = [
  undefined, null, true, false, 0, 1, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 0x0fffffff, 0x10000000,
  '', 'x', 'strong', 'weak', 'jammers', 'weather', 'x'.repeat(1001), 'x'.repeat(65), [], [1, 2], {}, { ok: true },
];

const span = { startNode: 0, startOffset: 2, endNode: 1, endOffset: 3, phrase: 'fullz', category: 'personal-data', strength: 'strong' };
const why = { category: 'personal-data', strong: true, weak: false, price: true, contact: false, saleWord: true, quoted: false };
const VALID = {
  plan: { ok: true, data: { scan: true, stealth: false, policy: '2:abc' } },
  prefilter: { ok: true, data: { state: 17, candidates: [0, 4, 9] } },
  blocks: {
    ok: true,
    data: [
      { block: 0, finding: { suspect: true, spans: [span, { ...span, startNode: 1 }], why } },
      { block: 3, finding: { suspect: false, spans: [span] } },
      // A finding of the offer gate's (src/matcher/offer-gate.ts) says so in its reasons.
      { block: 5, finding: { suspect: true, spans: [span], why: { ...why, strong: false, weak: true, read: true } } },
    ],
  },
};

/**
 * The schema refuses a reply whose finding has a malformed `why`; the guards drop that `why` alone
 * (src/content/read-replies.ts, readWhy). What the schema says of the reply without it is what the
 * guards must say of the reply.
 */
function withoutBadWhy(reply: unknown): unknown {
  const data = (reply as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) return reply;
  const copy = structuredClone(reply) as { data: unknown[] };
  for (const entry of copy.data) {
    const finding = (entry as { finding?: unknown } | null)?.finding as Record<string, unknown> | null | undefined;
    if (typeof finding !== 'object' || finding === null || Array.isArray(finding) || !('why' in finding)) continue;
    if (!blockFindingSchema.safeParse({ spans: [], suspect: true, why: finding.why }).success) delete finding.why;
  }
  return copy;
}

/** Every path to a value inside `value` (objects and arrays), the root included. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (value && typeof value === 'object') for (const [key, child] of Object.entries(value)) out.push(...paths(child, [...at, Array.isArray(value) ? Number(key) : key]));
  return out;
}

function mutate(value: unknown, random: () => number): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  const all = paths(copy);
  const path = all[Math.floor(random() * all.length)]!;
  const replacement = ODD_VALUES[Math.floor(random() * ODD_VALUES.length)];
  if (path.length === 0) return replacement;
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  const action = random();
  if (action < 0.15 && !Array.isArray(parent)) delete parent[last];
  else if (action < 0.25 && !Array.isArray(parent)) parent.extra = replacement;
  else parent[last] = replacement;
  return copy;
}

const CASES = [
  ['scan plan', VALID.plan, readScanPlan, scanPlanReplySchema],
  ['prefilter', VALID.prefilter, readPrefilterReply, prefilterReplySchema],
  ['scan blocks', VALID.blocks, readScanBlocksReply, scanBlocksReplySchema],
] as const;

describe("the page's guards of the worker's replies", () => {
  it.each(CASES)('accept what the %s schema accepts, and only that, with the same data', (_name, valid, read, schema) => {
    const random = prng(11);
    let refused = 0;
    for (let i = 0; i < 3000; i++) {
      // One to three mutations of a valid reply: most are invalid, some stay valid.
      let reply: unknown = valid;
      for (let n = 1 + Math.floor(random() * 3); n > 0; n--) reply = mutate(reply, random);
      const parsed = (schema as { safeParse(v: unknown): { success: boolean; data?: { data: unknown } } }).safeParse(withoutBadWhy(reply));
      const data = (read as (v: unknown) => unknown)(reply);
      expect(data !== undefined, JSON.stringify(reply)).toBe(parsed.success);
      if (parsed.success) expect(data).toEqual(parsed.data?.data);
      else refused++;
    }
    expect(refused).toBeGreaterThan(1000);
    expect((read as (v: unknown) => unknown)(valid)).toEqual(valid.data);
  });

  it("drop a malformed why, field by field, and keep the finding", () => {
    const reply = (finding: Record<string, unknown>) => ({ ok: true, data: [{ block: 2, finding: { suspect: true, spans: [span], ...finding } }] });
    expect(readScanBlocksReply(reply({ why }))?.[0]?.finding.why).toEqual(why);
    const spoilt: Record<string, unknown>[] = [
      { ...why, category: 'weather' },
      { ...why, category: undefined },
      ...Object.keys(why).filter((key) => key !== 'category').flatMap((key) => [{ ...why, [key]: 'true' }, { ...why, [key]: 1 }, { ...why, [key]: undefined }]),
      null,
      [],
      'why',
    ] as Record<string, unknown>[];
    for (const bad of spoilt) {
      const found = readScanBlocksReply(reply({ why: bad }));
      expect(found, JSON.stringify(bad)).toEqual([{ block: 2, finding: { suspect: true, spans: [span] } }]);
      expect(found?.[0]?.finding, JSON.stringify(bad)).not.toHaveProperty('why');
      expect(scanBlocksReplySchema.safeParse(reply({ why: bad })).success).toBe(false);
    }
    // Extra fields are left behind, as the schema strips them.
    expect(readScanBlocksReply(reply({ why: { ...why, extra: 1 } }))?.[0]?.finding.why).toEqual(why);
  });

  it('hold to the length limits', () => {
    expect(readPrefilterReply({ ok: true, data: { state: 0, candidates: Array.from({ length: 20_001 }, () => 0) } })).toBeUndefined();
    expect(prefilterReplySchema.safeParse({ ok: true, data: { state: 0, candidates: Array.from({ length: 20_001 }, () => 0) } }).success).toBe(false);
    const many = Array.from({ length: 201 }, (_, block) => ({ block, finding: { suspect: false, spans: [span] } }));
    expect(readScanBlocksReply({ ok: true, data: many })).toBeUndefined();
    expect(scanBlocksReplySchema.safeParse({ ok: true, data: many }).success).toBe(false);
    expect(readScanBlocksReply({ ok: true, data: many.slice(0, 200) })).toHaveLength(200);
    // A sparse array (not JSON, but a reply is a value): its holes are not offsets.
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [0, , 2];
    expect(readPrefilterReply({ ok: true, data: { state: 0, candidates: sparse } })).toBeUndefined();
    expect(prefilterReplySchema.safeParse({ ok: true, data: { state: 0, candidates: sparse } }).success).toBe(false);
  });
});
