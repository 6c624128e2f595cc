import type { HeldCapture } from '../shared/protocol/messages';
import type { StoredPart } from '../shared/protocol/ui-replies';
import { base64ToBytes, bytesToBase64 } from '../shared/base64';
import { sha256Hex } from '../shared/hash';
import { evidencePolicy, type Category } from '../shared/taxonomy';
import { deleteParts, getPart, savePart } from '../store/part-store';

/*
 * Nothing captured from a page is stored before its report's category is known and is not child
 * sexual abuse (docs/PRIVACY.md, "Child sexual abuse material"). A capture is handed back to the
 * report form, which holds it in its own memory and shows it; once the category allows evidence, the
 * form hands it back here to be stored (`draft/keep`), under the id and with the time it already has.
 */

/** A capture's bytes as the form holds them: an id for the part it may become, its hash, and when it was taken. */
export async function holdCapture<V extends HeldCapture['variant']>(
  data: Uint8Array,
  kind: { mediaType: HeldCapture['mediaType']; variant: V },
  capturedAt: number,
): Promise<HeldCapture & { variant: V }> {
  return { partId: crypto.randomUUID(), mediaType: kind.mediaType, variant: kind.variant, bytes: data.byteLength, sha256: await sha256Hex(data), capturedAt, data: bytesToBase64(data) };
}

/**
 * How many times each draft's evidence was discarded (the child-sexual-abuse category was chosen, or
 * such a report was submitted). A keep under way at that moment deletes what it stored as it lands.
 * In memory: a worker that stopped has no keep under way either.
 */
const discards = new Map<string, number>();

export function discardEvidence(draftId: string): void {
  discards.set(draftId, (discards.get(draftId) ?? 0) + 1);
}

/** Stores what the form held, once the report's category allows evidence. */
export async function keepHeldParts(draftId: string, category: Category, parts: readonly HeldCapture[]): Promise<StoredPart[]> {
  if (evidencePolicy(category) === 'forbidden') throw new Error('error_capture_discarded');
  const before = discards.get(draftId) ?? 0;
  const discarded = () => (discards.get(draftId) ?? 0) !== before;
  const kept: StoredPart[] = [];
  let failure: unknown;
  try {
    for (const held of parts) kept.push(await keepOne(draftId, held));
  } catch (error) {
    failure = error;
  }
  // Discarded while this was being stored: what was stored goes too, and the form is told.
  if (discarded()) {
    await deleteParts(kept.map((part) => part.partId));
    throw new Error('error_capture_discarded');
  }
  if (failure !== undefined) throw failure;
  return kept;
}

async function keepOne(draftId: string, held: HeldCapture): Promise<StoredPart> {
  const data = base64ToBytes(held.data);
  if (data.byteLength !== held.bytes || (await sha256Hex(data)) !== held.sha256) throw new Error('error_capture_failed');
  const existing = await getPart(held.partId);
  if (existing) {
    // The same keep asked again (the form retried): already done. Any other part is never overwritten.
    if (existing.draftId === draftId && !existing.reportId && existing.sha256 === held.sha256) return { partId: existing.id, bytes: existing.bytes, sha256: existing.sha256 };
    throw new Error('error_capture_failed');
  }
  const name = held.variant === 'dom' || held.variant === 'mhtml' ? 'snapshot' : 'screenshot';
  const part = await savePart({ draftId, id: held.partId, name, mediaType: held.mediaType, data, variant: held.variant, takenAt: held.capturedAt });
  return { partId: part.id, bytes: part.bytes, sha256: part.sha256 };
}
