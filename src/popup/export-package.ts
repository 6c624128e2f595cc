import type { PackagePart } from '../shared/evidence-package';
import { readPart } from './read-part';
import { t } from '../shared/i18n';
import { categoryMessageKey } from '../shared/taxonomy';
import type { ReportView } from '../shared/protocol/ui-replies';
import { base64ToBytes } from '../shared/base64';

/**
 * The evidence ZIP of a stored report: its report.json as sent, its parts, and its receipt (signed or
 * not). The ZIP and report code is loaded when a package is asked for, not with the form.
 */
export async function evidencePackageOf(record: ReportView): Promise<Uint8Array> {
  const { buildEvidencePackage } = await import('../shared/evidence-package');
  const parts: PackagePart[] = [];
  for (const id of record.partIds) {
    const part = await readPart(id);
    if (part) parts.push({ name: part.name, mediaType: part.mediaType, bytes: new Uint8Array(await part.blob.arrayBuffer()) });
  }
  return buildEvidencePackage(record.report, parts, {
    receipt: record.receipt,
    signedReceipt: record.signedReceipt,
    // The TSA's reply over this package's SHA256SUMS, as the endpoint received it (docs/EVIDENCE.md).
    ...(record.timestamp?.state === 'stamped' ? { timestamp: base64ToBytes(record.timestamp.reply) } : {}),
    categoryLabel: t(categoryMessageKey(record.report.category)),
    localTime: new Date(record.report.page.capturedAt).toString(),
    labels: {
      title: t('packageTitle'),
      rows: {
        url: t('packageUrl'),
        pageTitle: t('packagePageTitle'),
        capturedUtc: t('packageCapturedUtc'),
        capturedLocal: t('packageCapturedLocal'),
        category: t('categoryLabel'),
        listing: t('packageListing'),
        note: t('noteLabel'),
        receipt: t('receiptLabel'),
        client: t('packageClient'),
        files: t('packageFiles'),
      },
    },
  });
}

/** Builds the evidence ZIP in the page (no `downloads` permission needed) and hands it to the browser. */
export async function exportEvidencePackage(record: ReportView): Promise<void> {
  const zip = await evidencePackageOf(record);
  const url = URL.createObjectURL(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `tipline-${record.id}.zip`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
