import type { z } from 'zod/mini';
import type { historyFilterSchema } from '../shared/protocol/messages';
import type { ReportRecord } from '../store/records';

export function historyMatcher(filter: z.infer<typeof historyFilterSchema>): (record: ReportRecord) => boolean {
  const text = filter.text?.trim().toLowerCase();
  return (record) =>
    (!filter.status || record.status === filter.status) &&
    (!filter.category || record.report.category === filter.category) &&
    (!text ||
      record.site.toLowerCase().includes(text) ||
      record.report.page.url.toLowerCase().includes(text) ||
      record.report.page.title.toLowerCase().includes(text) ||
      record.report.note.toLowerCase().includes(text));
}
