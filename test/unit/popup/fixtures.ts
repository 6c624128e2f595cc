import { REPORT_SCHEMA_ID } from '../../../src/shared/report';
import type { Category } from '../../../src/shared/taxonomy';
import type { ReportView, TabContext } from '../../../src/shared/protocol/ui-replies';
import type { Draft, HeldCapture } from '../../../src/shared/protocol/messages';

let counter = 0;
/** A fresh version-4 UUID that reads in a failure message (its last digits count up). */
export function uuid(): string {
  counter++;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

/** A capture as the worker hands it back to the form, held, not stored (src/background/held-evidence.ts). */
export function part<V extends HeldCapture['variant'] = 'visible'>(variant: V = 'visible' as V): HeldCapture & { variant: V } {
  const mediaType = variant === 'dom' ? 'text/html' : variant === 'mhtml' ? 'multipart/related' : 'image/png';
  return { partId: uuid(), variant, mediaType, bytes: 8, sha256: 'ab'.repeat(32), capturedAt: 1_700_000_000_000, data: 'iVBORw0KGgo=' };
}

/** What the worker answers `draft/keep` with: the parts stored under the ids they were held under. */
export function kept(message: { parts: readonly HeldCapture[] }) {
  return message.parts.map((held) => ({ partId: held.partId, bytes: held.bytes, sha256: held.sha256 }));
}

export function tabContext(change: Partial<TabContext> = {}): TabContext {
  return {
    tabId: 7,
    url: 'https://shop.example/item/1',
    title: 'Air guns for sale',
    restricted: false,
    summary: { url: 'https://shop.example/item/1', matches: [{ phrase: '气狗', category: 'firearms-explosives', count: 3 }], suspectBlocks: 1, weakHits: 0, strongHits: 3 },
    ...change,
  };
}

/** The record the background answers a submit with. */
export function reportView(draft: Draft, change: Partial<ReportView> = {}): ReportView {
  const createdAt = '2025-01-02T03:04:05.000Z';
  const category: Category = draft.category;
  return {
    id: uuid(),
    createdAt,
    status: 'local',
    attempts: 0,
    partIds: draft.partIds,
    site: 'shop.example',
    report: {
      schema: REPORT_SCHEMA_ID,
      id: uuid(),
      createdAt,
      category,
      page: { url: draft.page.url, title: draft.page.title, capturedAt: createdAt },
      matches: draft.matches,
      note: draft.note,
      reporter: null,
      evidence: [],
      client: { name: 'tipline', version: '0.1.0', browser: 'test' },
    },
    ...change,
  };
}

/** A promise settled from outside: a capture "under way" until the test lets it land. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
