import { escapeHtml, safeHref } from '../src/shared/escape-html';
import { REPORT_FILES, type StoredSummary } from './report-store';

/** Everything on this page came from strangers' pages: text only, no scripts, links only to http(s). */
export const PAGE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function text(value: unknown): string {
  return escapeHtml(typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value));
}

function link(url: unknown): string {
  const href = typeof url === 'string' ? safeHref(url) : null;
  return href ? `<a href="${escapeHtml(href)}" rel="noreferrer noopener" target="_blank">${text(url)}</a>` : text(url);
}

function row(item: StoredSummary): string {
  const report = item.report;
  const id = encodeURIComponent(item.id);
  const files = item.receipt.files
    .filter((file) => REPORT_FILES.has(file))
    .map((file) => `<a href="/reports/${id}/${encodeURIComponent(file)}">${escapeHtml(file)}</a>`)
    .join(' · ');
  const shot = item.receipt.files.includes('screenshot.png')
    ? `<a href="/reports/${id}/screenshot.png"><img src="/reports/${id}/screenshot.png" alt="screenshot" loading="lazy"></a>`
    : '';
  const evidence = `<td>${shot}<div>${files} · <a href="/reports/${id}/SHA256SUMS">SHA256SUMS</a></div></td>`;
  const received = `<td>${text(item.receipt.receivedAt)}<br><code>${text(item.receipt.receipt)}</code></td>`;
  if (!report) return `<tr>\n${received}\n<td></td>\n<td colspan="2"><em>${text(item.problem)}</em></td>\n${evidence}\n</tr>`;
  return `<tr>
${received}
<td><code>${text(report.category)}</code></td>
<td><strong>${text(report.page.title)}</strong><br>${link(report.page.url)}${report.listing?.text ? `<blockquote>${text(report.listing.text)}</blockquote>` : ''}${report.listing?.linkUrl ? `<div>listing: ${link(report.listing.linkUrl)}</div>` : ''}</td>
<td>${text(report.note)}${report.reporter?.contact ? `<div>contact: ${text(report.reporter.contact)}</div>` : ''}</td>
${evidence}
</tr>`;
}

/** The list a reviewer reads: what `listStored` gives, fields already bounded there (server/report-store.ts). */
export function inboxPage(list: { total: number; items: readonly StoredSummary[] }, offset = 0): string {
  const { total, items } = list;
  const shown = items.length === total ? `${total} report(s)` : `reports ${Math.min(offset + 1, total)}–${offset + items.length} of ${total}, newest first`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tipline inbox</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1b1b1f}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:8px;vertical-align:top;text-align:left;overflow-wrap:anywhere}
img{max-width:240px;max-height:160px;border:1px solid #ccc}blockquote{margin:6px 0;padding-left:8px;border-left:3px solid #ccc;white-space:pre-wrap}
</style></head><body>
<h1>Tipline inbox</h1>
<p>${escapeHtml(shown)}. Protocol: <code>tipline.report/v1</code> · <a href="/schema">JSON Schema</a> · <a href="/reports.json">reports.json</a></p>
<table><thead><tr><th>Received</th><th>Category</th><th>Page</th><th>Note</th><th>Evidence</th></tr></thead><tbody>
${items.map(row).join('\n')}
</tbody></table></body></html>`;
}
