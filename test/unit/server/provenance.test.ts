import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInbox, type Inbox } from '../../../server/create-inbox';
import { formOf, makeReport } from './make-report';

/* The reference inbox checks `page.provenance` with the report schema (docs/PROTOCOL.md). */

let dataDir: string;
let inbox: Inbox;
const provenance = {
  redirects: [{ url: 'http://forum.example/go', status: 302 }],
  status: 200,
  ip: '203.0.113.9',
  headers: { date: 'Sun, 06 Dec 2026 08:00:00 GMT', 'content-type': 'text/html' },
};

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tipline-inbox-provenance-'));
  inbox = await createInbox({ dataDir, port: 0, log: () => undefined });
});

afterEach(async () => {
  await inbox?.close();
  await rm(dataDir, { recursive: true, force: true });
});

function post(report: unknown, withShot = true) {
  return fetch(`${inbox.url}/reports`, { method: 'POST', body: withShot ? formOf(report) : formOf(report, null) });
}

describe('reference inbox and page provenance', () => {
  it('stores a report with provenance as received', async () => {
    const base = makeReport();
    const report = { ...base, page: { ...base.page, provenance } };
    expect((await post(report)).status).toBe(201);
    const stored = JSON.parse(await readFile(join(dataDir, report.id, 'report.json'), 'utf8'));
    expect(stored.page.provenance).toEqual(provenance);
  });

  it('refuses a header outside the allow-list, and provenance on a child-sexual-abuse report', async () => {
    const base = makeReport();
    const cookie = { ...base, page: { ...base.page, provenance: { ...provenance, headers: { 'set-cookie': 'sid=1' } } } };
    const refused = await post(cookie);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/provenance/);
    const csam = makeReport({ category: 'child-sexual-abuse', matches: [], page: { ...base.page, title: '', provenance } }, null);
    const answer = await post(csam, false);
    expect(answer.status).toBe(400);
    expect(await answer.text()).toMatch(/child-sexual-abuse reports carry no provenance/);
  });
});
