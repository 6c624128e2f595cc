import type { BackgroundClient } from '../shared/protocol/ui-client';
import type { ReportView } from '../shared/protocol/ui-replies';

/** Reports per page of the history. */
export const HISTORY_PAGE = 25;

let early: Promise<ReportView[]> | undefined;

/**
 * The popup opened on the history asks for its first page (newest reports, no filter) at once, beside
 * the fetch of the history's code (app.tsx), rather than after that code has loaded and rendered.
 */
export function askFirstPage(client: BackgroundClient): void {
  early = client.call({ type: 'history/list', limit: HISTORY_PAGE, filter: {} });
  // A failure is shown by the list when it takes the page.
  early.catch(() => undefined);
}

/** The page asked for early, once: a later showing of the history asks again. */
export function takeFirstPage(): Promise<ReportView[]> | undefined {
  const page = early;
  early = undefined;
  return page;
}
