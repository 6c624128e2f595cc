import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { it } from 'vitest';
import { buildBlockMatcher, type GateSample } from '../../src/matcher/build-matcher';
import { gateFeatures } from '../../src/matcher/offer-gate';
import { toBase64 } from '../../src/matcher/table-pack';
import { defaultSettings } from '../../src/shared/settings';
import { fnv1a, heldOut, loadCorpus, readPage, type CorpusPage } from '../../test/eval/corpus';
import { judgePage } from '../../test/eval/judge';
import { tuningHash } from '../../test/eval/tuning-hash';

/*
 * Trains the offer gate (src/matcher/offer-gate.ts) on the tuning pages of the evaluation set, never on
 * held-out ones, and writes src/phrases/offer-gate-model.ts. `npm run train:gate`; with GATE_CV=1 it first
 * prints a five-fold cross-validation over the tuning pages, folds by batch (a batch is one writer's), for
 * the threshold. Deterministic: the same pages give the same model, byte for byte.
 *
 * Samples: on a listing page, the blocks the rules call suspect (its offer, as far as the rules found it);
 * on a benign page, every block that holds a phrase (what a shop, a report or a club writes beside the goods).
 */

const BITS = 17;
const EPOCHS = 12;
const RATE = 0.5;
const L2 = 1e-6;
/** Chosen from the cross-validation over tuning pages (docs/PHRASE-LISTS.md, "The offer gate"). */
const THRESHOLD = 0.05;
/** A block the rules let pass is a finding from this probability up: chosen from the same cross-validation. */
const FINDS = 0.99;
const MODEL_FILE = resolve(import.meta.dirname, '../../src/phrases/offer-gate-model.ts');

interface Sample {
  page: number;
  positive: boolean;
  suspect: boolean;
  /** A listing page's block the rules let pass is read by the cross-validation only: it may be the page's menu. */
  trained: boolean;
  terms: number;
  counted: number;
  sure: boolean;
  index: Uint32Array;
  value: Float32Array;
}

/** A small seeded generator (mulberry32): the order of the samples is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function train(samples: readonly Sample[]): { weights: Float64Array; bias: number } {
  const size = 1 << BITS;
  const weights = new Float64Array(size);
  const squares = new Float64Array(size).fill(1e-8);
  let bias = 0;
  let biasSquares = 1e-8;
  const positives = samples.filter((s) => s.positive).length;
  // Balanced classes: a listing page gives more suspect blocks than a benign page gives blocks.
  const weightOf = (positive: boolean) => samples.length / (2 * (positive ? positives : samples.length - positives));
  const order = samples.map((_, i) => i);
  const next = random(17);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const k of order) {
      const s = samples[k] as Sample;
      let z = bias;
      for (let i = 0; i < s.index.length; i++) z += (weights[s.index[i] as number] as number) * (s.value[i] as number);
      const g = (1 / (1 + Math.exp(-z)) - (s.positive ? 1 : 0)) * weightOf(s.positive);
      for (let i = 0; i < s.index.length; i++) {
        const f = s.index[i] as number;
        const grad = g * (s.value[i] as number) + L2 * (weights[f] as number);
        squares[f] = (squares[f] as number) + grad * grad;
        weights[f] = (weights[f] as number) - (RATE * grad) / Math.sqrt(squares[f] as number);
      }
      biasSquares += g * g;
      bias -= (RATE * g) / Math.sqrt(biasSquares);
    }
  }
  return { weights, bias };
}

function probability(model: { weights: Float64Array; bias: number }, s: Sample): number {
  let z = model.bias;
  for (let i = 0; i < s.index.length; i++) z += (model.weights[s.index[i] as number] as number) * (s.value[i] as number);
  return 1 / (1 + Math.exp(-z));
}

it('trains the offer gate on the tuning pages', async () => {
  const pages = loadCorpus();
  const held = heldOut(pages);
  const tuning = pages.filter((page) => !held.has(page.file));
  let observed: GateSample[] = [];
  const matcher = await buildBlockMatcher(defaultSettings(), [], undefined, { model: null, observe: (sample) => void observed.push(sample) });
  const samples: Sample[] = [];
  const flaggedByRules: boolean[] = [];
  for (const [n, page] of tuning.entries()) {
    observed = [];
    const verdict = await judgePage(readPage(page), matcher);
    flaggedByRules.push(verdict.suspectBlocks > 0);
    const listing = page.label === 'listing';
    const seen = new Set<string>();
    for (const sample of observed) {
      // A block read twice (a rescan) is one sample.
      if (seen.has(sample.text)) continue;
      seen.add(sample.text);
      samples.push({ page: n, positive: listing, suspect: sample.suspect, trained: !listing || sample.suspect, terms: sample.terms, counted: sample.counted, sure: sample.sure, ...gateFeatures(sample.text, BITS) });
    }
  }
  const trained = samples.filter((s) => s.trained);
  console.log(`tuning pages ${tuning.length}, samples ${trained.length} (offers ${trained.filter((s) => s.positive).length})`);

  if (process.env.GATE_CV === '1') crossValidate(tuning, samples, flaggedByRules);

  const model = train(trained);
  let largest = 0;
  for (const w of model.weights) largest = Math.max(largest, Math.abs(w));
  const scale = largest / 127 || 1;
  const bytes = new Uint8Array(model.weights.length);
  for (let i = 0; i < model.weights.length; i++) bytes[i] = Math.round((model.weights[i] as number) / scale) & 0xff;
  const packed = {
    bits: BITS,
    bias: Number(model.bias.toFixed(6)),
    scale: Number(scale.toPrecision(8)),
    threshold: THRESHOLD,
    finds: FINDS,
    weights: toBase64(bytes),
    trainedOn: { pages: tuning.length, samples: trained.length, tuningHash: tuningHash(tuning) },
  };
  writeFileSync(
    MODEL_FILE,
    `// Written by \`npm run train:gate\` (scripts/train/offer-gate.train.ts); do not edit by hand.\n` +
      `export const OFFER_GATE_MODEL: { bits: number; bias: number; scale: number; threshold: number; finds: number; weights: string; trainedOn: { pages: number; samples: number; tuningHash: string } } | null = ${JSON.stringify(packed)};\n`,
  );
  console.log(`wrote ${MODEL_FILE}: ${bytes.length} weights, scale ${packed.scale}, bias ${packed.bias}`);
});

/** Five folds by batch: each fold's pages are judged by a gate trained on the other four. */
function crossValidate(tuning: readonly CorpusPage[], samples: readonly Sample[], flaggedByRules: readonly boolean[]): void {
  const foldOf = (page: CorpusPage) => fnv1a(page.file.split('/')[0] as string) % 5;
  const thresholds = [0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5];
  // For each page and threshold: is some suspect block of it kept?
  const kept = thresholds.map(() => new Array<boolean>(tuning.length).fill(false));
  // The same, where the gate never takes away an offer the rules read past doubt (GateSample.sure).
  const keptSure = thresholds.map(() => new Array<boolean>(tuning.length).fill(false));
  // The highest probability of a block the rules let pass, per page: would the gate alone find more?
  const passed = new Array<number>(tuning.length).fill(0);
  const passedWithTerms = new Array<number>(tuning.length).fill(0);
  const passedCounted = new Array<number>(tuning.length).fill(0);
  for (let fold = 0; fold < 5; fold++) {
    const model = train(samples.filter((s) => s.trained && foldOf(tuning[s.page] as CorpusPage) !== fold));
    for (const s of samples) {
      if (foldOf(tuning[s.page] as CorpusPage) !== fold) continue;
      const p = probability(model, s);
      if (!s.suspect) {
        passed[s.page] = Math.max(passed[s.page] as number, p);
        if (s.terms > 0) passedWithTerms[s.page] = Math.max(passedWithTerms[s.page] as number, p);
        if (s.counted > 0) passedCounted[s.page] = Math.max(passedCounted[s.page] as number, p);
        continue;
      }
      thresholds.forEach((t, i) => {
        if (p >= t) (kept[i] as boolean[])[s.page] = true;
        if (p >= t || s.sure) (keptSure[i] as boolean[])[s.page] = true;
      });
    }
  }
  // Recall and false alarms per language, the page flagged as `flagged(n)` says.
  const rates = (flagged: (n: number) => boolean) =>
    (['en', 'zh'] as const)
      .map((lang) => {
        const at = tuning.map((page, n) => ({ page, flagged: flagged(n) })).filter((x) => x.page.lang === lang);
        const share = (label: CorpusPage['label']) => {
          const of = at.filter((x) => x.page.label === label);
          return ((100 * of.filter((x) => x.flagged).length) / of.length).toFixed(1);
        };
        return `${lang} recall ${share('listing')}% false alarms ${share('benign')}%`;
      })
      .join(' | ');
  const rules = (n: number) => flaggedByRules[n] as boolean;
  for (const [t2, by, name] of [0.95, 0.98, 0.99, 0.995].flatMap((t2) => [[t2, passed, 'any block'], [t2, passedWithTerms, 'with terms'], [t2, passedCounted, 'counted phrase']] as const)) {
    const line = rates((n) => (rules(n) && ((keptSure[1] as boolean[])[n] as boolean)) || (by[n] as number) >= t2);
    console.log(`cv gate at ${thresholds[1]} and a passed block at ${t2} or more: ${name} | ${line}`);
  }
  for (const [i, t] of thresholds.entries()) {
    console.log(`cv threshold ${t.toFixed(2)}: ${rates((n) => rules(n) && (t === 0 || ((kept[i] as boolean[])[n] as boolean)))}`);
    console.log(`cv threshold ${t.toFixed(2)}, sure offers kept: ${rates((n) => rules(n) && (t === 0 || ((keptSure[i] as boolean[])[n] as boolean)))}`);
  }
}
