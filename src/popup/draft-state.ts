import { evidencePolicy, type Category } from '../shared/taxonomy';
import type { Listing, Match } from '../shared/report';
import type { HeldItem, Shot } from './evidence-preview';

/*
 * What the report form holds of its draft: the category, and the evidence taken or prepared for it.
 * Pure, so that the child-sexual-abuse rule can be read and tested here. Every capture arrives held in
 * this memory, not stored (`stored: false`); it is stored (`draft/keep`, evidence-steps.ts) only once
 * a category is known and is not child sexual abuse (`toKeep`). Choosing that category drops the
 * evidence and bumps `generation`; a capture started under an older generation is ignored when it
 * lands, and only stops counting as under way.
 */

export type ExtraCapture = 'full-page' | 'snapshot';
export type CaptureKind = 'visible' | ExtraCapture;
export type IncludablePart = 'screenshot' | 'listing' | 'snapshot';

export interface DraftState {
  /** Null until the reporter chooses one or the page's findings suggest one: nothing is stored before. */
  category: Category | null;
  /** The reporter chose a category: the page's suggestion no longer replaces it. */
  categoryTouched: boolean;
  /** Bumped when the evidence is discarded; captures carry the one they started under. */
  generation: number;
  /** The first screenshot (taken on opening, or the prepared draft's) has not arrived yet. */
  capturing: boolean;
  /** Full-page shots and snapshots under way, one entry each (a snapshot by default can start beside a full-page shot). */
  extrasUnderWay: ExtraCapture[];
  captureError: string | null;
  shots: Shot[];
  chosenShot: string | null;
  includeScreenshot: boolean;
  /** The right-click draft's listing and matches (docs/PROTOCOL.md). */
  listing: Listing | undefined;
  includeListing: boolean;
  preparedMatches: Match[] | null;
  snapshot: HeldItem | null;
  includeSnapshot: boolean;
  /** Held captures being stored now (`draft/keep`): the report waits for them. */
  keeping: number;
}

export type DraftAction =
  | { type: 'prepared'; listing: Listing | undefined; matches: Match[] }
  | { type: 'suggested'; category: Category | null }
  | { type: 'category-chosen'; category: Category }
  /** "Report child sexual abuse (URL only)": that category, nothing held, and nothing under way to wait for. */
  | { type: 'url-only' }
  /** No tab to capture: nothing is under way. */
  | { type: 'no-tab' }
  | { type: 'first-capture-ended'; generation: number; shots: Shot[]; error: string | null }
  | { type: 'capture-started'; kind: CaptureKind }
  | { type: 'shot-landed'; generation: number; shot: Shot }
  | { type: 'snapshot-landed'; generation: number; snapshot: HeldItem }
  | { type: 'keep-started' }
  /** These held captures are stored now, under the ids they had. */
  | { type: 'kept'; generation: number; partIds: string[] }
  | { type: 'keep-ended' }
  | { type: 'capture-failed'; generation: number; error: string }
  | { type: 'capture-ended'; kind: CaptureKind }
  | { type: 'shot-chosen'; partId: string }
  | { type: 'included'; part: IncludablePart; included: boolean };

export function initialDraftState(): DraftState {
  return {
    category: null,
    categoryTouched: false,
    generation: 0,
    capturing: true,
    extrasUnderWay: [],
    captureError: null,
    shots: [],
    chosenShot: null,
    includeScreenshot: true,
    listing: undefined,
    includeListing: true,
    preparedMatches: null,
    snapshot: null,
    includeSnapshot: false,
    keeping: 0,
  };
}

/** The evidence rule of the category, and `default` while none is known (nothing is stored then anyway). */
function policyOf(category: Category | null) {
  return category === null ? 'default' : evidencePolicy(category);
}

const markStored = <T extends HeldItem>(item: T, ids: readonly string[]): T => (ids.includes(item.partId) ? { ...item, stored: true } : item);

const INCLUDE_KEY = { screenshot: 'includeScreenshot', listing: 'includeListing', snapshot: 'includeSnapshot' } as const;

export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case 'prepared':
      return { ...state, listing: action.listing, preparedMatches: action.matches };
    case 'suggested': {
      if (!action.category) return state;
      const next = state.categoryTouched ? state : { ...state, category: action.category };
      return evidencePolicy(action.category) === 'opt-in' ? { ...next, includeScreenshot: false } : next;
    }
    case 'category-chosen': {
      const next = { ...state, category: action.category, categoryTouched: true };
      const policy = evidencePolicy(action.category);
      // docs/ARCHITECTURE.md: the capture already made is dropped from memory and from storage, not just hidden.
      if (policy === 'forbidden') return { ...next, generation: state.generation + 1, shots: [], chosenShot: null, listing: undefined, snapshot: null };
      return policy === 'opt-in' ? { ...next, includeScreenshot: false } : next;
    }
    case 'url-only':
      return { ...draftReducer(state, { type: 'category-chosen', category: 'child-sexual-abuse' }), capturing: false, captureError: null };
    case 'keep-started':
      return { ...state, keeping: state.keeping + 1 };
    case 'keep-ended':
      return { ...state, keeping: Math.max(0, state.keeping - 1) };
    case 'kept':
      if (action.generation !== state.generation) return state;
      return {
        ...state,
        shots: state.shots.map((shot) => markStored(shot, action.partIds)),
        snapshot: state.snapshot ? markStored(state.snapshot, action.partIds) : null,
      };
    case 'no-tab':
      return { ...state, capturing: false };
    case 'first-capture-ended':
      if (action.generation !== state.generation) return { ...state, capturing: false };
      return { ...state, shots: action.shots, chosenShot: action.shots[0]?.partId ?? null, captureError: action.error, capturing: false };
    case 'capture-started':
      // A snapshot's failure is its own sentence (error_snapshot), so starting one leaves a screenshot's error shown.
      if (action.kind === 'snapshot') return { ...state, extrasUnderWay: [...state.extrasUnderWay, 'snapshot'] };
      return { ...state, captureError: null, extrasUnderWay: action.kind === 'full-page' ? [...state.extrasUnderWay, 'full-page'] : state.extrasUnderWay };
    case 'shot-landed': {
      if (action.generation !== state.generation) return state;
      const { shot } = action;
      const next = { ...state, shots: [...state.shots.filter((s) => s.variant !== shot.variant), shot], chosenShot: shot.partId };
      // A new view of the page is offered ticked unless its category asks the reporter to opt in.
      return shot.variant === 'visible' ? { ...next, includeScreenshot: policyOf(state.category) === 'default' } : next;
    }
    case 'snapshot-landed':
      if (action.generation !== state.generation) return state;
      return { ...state, snapshot: action.snapshot, includeSnapshot: true };
    case 'capture-failed':
      if (action.generation !== state.generation) return state;
      return { ...state, captureError: action.error };
    case 'capture-ended': {
      const at = action.kind === 'visible' ? -1 : state.extrasUnderWay.indexOf(action.kind);
      return at < 0 ? state : { ...state, extrasUnderWay: state.extrasUnderWay.filter((_, i) => i !== at) };
    }
    case 'shot-chosen':
      return { ...state, chosenShot: action.partId };
    case 'included':
      return { ...state, [INCLUDE_KEY[action.part]]: action.included };
  }
}

export function isForbidden(state: DraftState): boolean {
  return state.category !== null && evidencePolicy(state.category) === 'forbidden';
}

/** A screenshot, full-page shot or snapshot is still being taken or stored: the report waits for it. */
export function captureUnderWay(state: DraftState): boolean {
  return state.capturing || state.extrasUnderWay.length > 0 || state.keeping > 0;
}

/** Held captures that may be stored now: a category is known and it is not child sexual abuse. */
export function toKeep(state: DraftState): HeldItem[] {
  if (state.category === null || isForbidden(state)) return [];
  return [...state.shots, ...(state.snapshot ? [state.snapshot] : [])].filter((item) => !item.stored);
}

/** Whether the form holds a capture in its memory only, waiting for a category. */
export function holdsUnstored(state: DraftState): boolean {
  return [...state.shots, ...(state.snapshot ? [state.snapshot] : [])].some((item) => !item.stored);
}

/** Whether a full-page shot or snapshot is being taken: its button says so, and the other waits. */
export function extraUnderWay(state: DraftState, kind?: ExtraCapture): boolean {
  return kind ? state.extrasUnderWay.includes(kind) : state.extrasUnderWay.length > 0;
}

/** The matches the report carries: the prepared draft's, else the page's live findings. */
export function draftMatches(state: DraftState, pageMatches: readonly Match[] | undefined): Match[] {
  if (isForbidden(state)) return [];
  return state.preparedMatches ?? [...(pageMatches ?? [])];
}

/** The stored parts the reporter chose to send; none at all for a category whose evidence is forbidden, nor any not stored. */
export function partIdsToSend(state: DraftState): string[] {
  if (isForbidden(state)) return [];
  const shot = state.shots.find((s) => s.partId === state.chosenShot);
  return [...(shot?.stored && state.includeScreenshot ? [shot.partId] : []), ...(state.snapshot?.stored && state.includeSnapshot ? [state.snapshot.partId] : [])];
}
