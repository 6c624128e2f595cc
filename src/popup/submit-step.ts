import { t } from '../shared/i18n';
import type { BackgroundClient } from '../shared/protocol/ui-client';
import type { Draft } from '../shared/protocol/messages';
import type { Category } from '../shared/taxonomy';
import type { ReportView, TabContext } from '../shared/protocol/ui-replies';
import { errorText } from './error-text';
import { captureUnderWay, draftMatches, isForbidden, partIdsToSend, type DraftState } from './draft-state';

/** What the reporter wrote beside the evidence. */
export interface ReporterFields {
  note: string;
  includeContact: boolean;
  contact: string;
}

/** A category is known: a report cannot be made without one (the form says so, use-report-form.ts). */
export function hasCategory(draft: DraftState): draft is DraftState & { category: Category } {
  return draft.category !== null;
}

/** Why the report cannot go yet, or null: no page to report, a send under way, or a capture still being taken or stored. */
export function submitBlocked(input: { context: TabContext | null; sending: boolean; draft: DraftState }): 'no-page' | 'sending' | 'capturing' | null {
  if (!input.context) return 'no-page';
  if (input.sending) return 'sending';
  return captureUnderWay(input.draft) ? 'capturing' : null;
}

/**
 * The draft the background stores and sends. A child-sexual-abuse report carries the page's URL, the
 * reporter's words and nothing captured from the page (docs/PROTOCOL.md).
 */
export function draftToSubmit(input: { draftId: string; tabId: number | null; context: TabContext; fields: ReporterFields; draft: DraftState & { category: Category } }): Draft {
  const { draft, context } = input;
  const forbidden = isForbidden(draft);
  return {
    draftId: input.draftId,
    tabId: input.tabId,
    category: draft.category,
    note: input.fields.note,
    includeContact: input.fields.includeContact,
    contact: input.fields.contact,
    // Not even the page's title goes with a report of child sexual abuse: its address alone.
    page: { url: context.url, title: forbidden ? '' : context.title },
    ...(draft.listing && draft.includeListing && !forbidden ? { listing: draft.listing } : {}),
    matches: draftMatches(draft, context.summary?.matches),
    partIds: partIdsToSend(draft),
  };
}

export type SubmitOutcome = { ok: true; record: ReportView } | { ok: false; error: string };

/** Sends the draft; a refusal (evidence no longer stored, storage full…) comes back as the sentence the form shows. */
export async function submitReport(client: BackgroundClient, draft: Draft): Promise<SubmitOutcome> {
  try {
    return { ok: true, record: await client.call({ type: 'report/submit', draft }) };
  } catch (error) {
    return { ok: false, error: t('error_submit', [errorText(error)]) };
  }
}
