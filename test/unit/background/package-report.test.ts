import { describe, expect, it } from 'vitest';
import { packageReport } from '../../../src/background/package-report';
import type { PartRecord } from '../../../src/store/records';
import type { Draft } from '../../../src/shared/protocol/messages';

const client = { name: 'tipline' as const, version: '0.1.0', browser: 'test' };

function part(name: 'screenshot' | 'snapshot' = 'screenshot'): PartRecord {
  return {
    id: crypto.randomUUID(),
    draftId: 'd',
    name,
    mediaType: name === 'screenshot' ? 'image/png' : 'text/html',
    blob: new Blob(['x']),
    bytes: 1,
    sha256: 'b'.repeat(64),
    createdAt: Date.now(),
  };
}

function draft(change: Partial<Draft> = {}, parts: PartRecord[] = []): Draft {
  return {
    draftId: crypto.randomUUID(),
    tabId: 1,
    category: 'drugs-precursors',
    note: 'n',
    includeContact: false,
    contact: 'me@example.org',
    page: { url: 'https://alice:pw@market.example/item/9', title: 'ice for sale' },
    listing: { text: 'ice, 1g', linkUrl: 'https://bob:pw@market.example/item/9' },
    matches: [{ phrase: 'ice', category: 'drugs-precursors', count: 1 }],
    partIds: parts.map((p) => p.id),
    ...change,
  };
}

describe('packageReport', () => {
  it('builds a v1 document with hashes of the chosen parts only', () => {
    const shot = part();
    const other = part('snapshot');
    const record = packageReport({ draft: draft({}, [shot]), parts: [shot, other], client, hasEndpoint: true });
    expect(record.report.evidence).toEqual([{ part: 'screenshot', mediaType: 'image/png', bytes: 1, sha256: shot.sha256, capturedAt: new Date(shot.createdAt).toISOString() }]);
    expect(record.partIds).toEqual([shot.id]);
    expect(record.status).toBe('queued');
    expect(record.report.id).toBe(record.id);
  });

  it('strips credentials from every URL', () => {
    const record = packageReport({ draft: draft(), parts: [], client, hasEndpoint: false });
    expect(record.report.page.url).toBe('https://market.example/item/9');
    expect(record.report.listing?.linkUrl).toBe('https://market.example/item/9');
    expect(record.site).toBe('market.example');
  });

  it('keeps the reporter anonymous unless they opted in', () => {
    expect(packageReport({ draft: draft(), parts: [], client, hasEndpoint: false }).report.reporter).toBeNull();
    const named = packageReport({ draft: draft({ includeContact: true }), parts: [], client, hasEndpoint: false });
    expect(named.report.reporter).toEqual({ contact: 'me@example.org' });
  });

  it('keeps reports locally when no endpoint is set', () => {
    const record = packageReport({ draft: draft(), parts: [], client, hasEndpoint: false });
    expect(record.status).toBe('local');
    expect(record.nextAttemptAt).toBeUndefined();
  });

  it('drops every captured part, listing, match, the title and the language for child sexual abuse reports', () => {
    const shot = part();
    const record = packageReport({
      draft: draft({ category: 'child-sexual-abuse', page: { url: 'https://market.example/item/9', title: 'page title', lang: 'en' } }, [shot]),
      parts: [shot],
      client,
      hasEndpoint: true,
    });
    expect(record.report.evidence).toEqual([]);
    // The title and language were read off the page too.
    expect(record.report.page.title).toBe('');
    expect(record.report.page.lang).toBeUndefined();
    expect(record.report.listing).toBeUndefined();
    expect(record.report.matches).toEqual([]);
    expect(record.partIds).toEqual([]);
    expect(record.report.page.url).toBe('https://market.example/item/9');
  });
});

describe('capture times', () => {
  it('gives each part the time its bytes were taken, and the page the earliest of them', () => {
    const now = new Date('2026-12-06T10:00:00.000Z');
    const shot = { ...part(), createdAt: Date.parse('2026-12-06T09:00:00.000Z') };
    const snapshot = { ...part('snapshot'), createdAt: Date.parse('2026-12-06T09:30:00.000Z') };
    const { report } = packageReport({ draft: draft({}, [shot, snapshot]), parts: [shot, snapshot], client, hasEndpoint: true, now });
    expect(report.createdAt).toBe('2026-12-06T10:00:00.000Z');
    expect(report.page.capturedAt).toBe('2026-12-06T09:00:00.000Z');
    expect(report.evidence.map((e) => [e.part, e.capturedAt])).toEqual([
      ['screenshot', '2026-12-06T09:00:00.000Z'],
      ['snapshot', '2026-12-06T09:30:00.000Z'],
    ]);
  });

  it('takes the report time for a page of which nothing was captured', () => {
    const now = new Date('2026-12-06T10:00:00.000Z');
    const { report } = packageReport({ draft: draft(), parts: [], client, hasEndpoint: false, now });
    expect(report.page.capturedAt).toBe('2026-12-06T10:00:00.000Z');
  });
});

describe('provenance', () => {
  const navigation = {
    requestId: '9',
    redirects: [{ url: 'https://carol:pw@market.example/go/9', status: 302 }],
    final: { url: 'https://market.example/item/9', status: 200, ip: '198.51.100.4', headers: { server: 'nginx' } },
  };

  it('sends the navigation that ended on the reported page, without credentials', () => {
    const { report } = packageReport({ draft: draft(), parts: [], client, hasEndpoint: true, navigation });
    expect(report.page.provenance).toEqual({ redirects: [{ url: 'https://market.example/go/9', status: 302 }], status: 200, ip: '198.51.100.4', headers: { server: 'nginx' } });
  });

  it('leaves it out for another page than the one reported, and for child sexual abuse', () => {
    const moved = draft({ page: { url: 'https://market.example/item/10', title: 't' } });
    expect(packageReport({ draft: moved, parts: [], client, hasEndpoint: true, navigation }).report.page.provenance).toBeUndefined();
    const csam = draft({ category: 'child-sexual-abuse', listing: undefined, matches: [] });
    const { report } = packageReport({ draft: csam, parts: [], client, hasEndpoint: true, navigation });
    expect(report.page.provenance).toBeUndefined();
    expect('provenance' in report.page).toBe(false);
  });

  it('leaves out a provenance that the schema would refuse rather than lose the report', () => {
    const odd = { ...navigation, final: { ...navigation.final, ip: 'x'.repeat(500) } };
    const { report } = packageReport({ draft: draft(), parts: [], client, hasEndpoint: true, navigation: odd });
    expect(report.page.provenance).toBeUndefined();
  });
});
