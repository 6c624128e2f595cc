import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../server/auth';
import { createInbox, type Inbox, type InboxOptions } from '../../../server/create-inbox';
import { PartCounter } from '../../../server/read-body';
import { formOf, makeReport } from './make-report';

let dataDir: string;
let inbox: Inbox | undefined;
const quiet = () => undefined;
const SUBMIT = 'submit-token-1';
const REVIEWER = 'reviewer-token-1';
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function start(options: Partial<InboxOptions> = {}): Promise<Inbox> {
  inbox = await createInbox({ dataDir, port: 0, log: quiet, ...options });
  return inbox;
}

function post(form: FormData, headers: Record<string, string> = {}) {
  return fetch(`${inbox!.url}/reports`, { method: 'POST', body: form, headers });
}

/** A raw request, so the Host header is ours to set (fetch does not allow it). */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: inbox!.port, path, headers }, (res) => {
      res.resume();
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tipline-access-test-'));
});

afterEach(async () => {
  await inbox?.close();
  inbox = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

describe('credentials', () => {
  it('lets a submit token post and check the connection but not read; a reviewer token reads', async () => {
    await start({ token: SUBMIT, reviewerToken: REVIEWER });
    const report = makeReport();
    expect((await post(formOf(report), bearer(SUBMIT))).status).toBe(201);
    const check = await fetch(`${inbox!.url}/reports`, { headers: { Accept: 'application/json', ...bearer(SUBMIT) } });
    expect(await check.json()).toEqual({ protocol: 'tipline.report/v1' });

    for (const path of ['/reports.json', '/', '/reports', `/reports/${report.id}/report.json`, `/reports/${report.id}/screenshot.png`]) {
      expect([401, 403]).toContain((await fetch(`${inbox!.url}${path}`, { headers: bearer(SUBMIT) })).status);
      expect((await fetch(`${inbox!.url}${path}`)).status).toBe(401);
      expect((await fetch(`${inbox!.url}${path}`, { headers: bearer(REVIEWER) })).status).toBe(200);
    }
    const list = (await (await fetch(`${inbox!.url}/reports.json`, { headers: bearer(REVIEWER) })).json()) as { total: number; reports: { id: string }[] };
    expect(list.total).toBe(1);
    expect(list.reports[0]!.id).toBe(report.id);
    // The reviewer's token is not a submit token.
    expect((await post(formOf(makeReport()), bearer(REVIEWER))).status).toBe(401);
  });

  it('matches the auth scheme case-insensitively', async () => {
    await start({ token: SUBMIT, reviewerToken: REVIEWER });
    expect((await post(formOf(makeReport()), { Authorization: `bEaReR ${SUBMIT}` })).status).toBe(201);
    expect((await fetch(`${inbox!.url}/reports.json`, { headers: { Authorization: `BEARER ${REVIEWER}` } })).status).toBe(200);
  });

  it('reads with HTTP Basic and an scrypt-hashed password, and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$/);
    await start({ token: SUBMIT, reviewerUser: 'alice', reviewerPasswordHash: hash });
    const basic = (user: string, password: string) => ({ Authorization: `basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });
    const denied = await fetch(`${inbox!.url}/`);
    expect(denied.status).toBe(401);
    expect(denied.headers.get('www-authenticate')).toMatch(/Basic realm=/);
    expect((await fetch(`${inbox!.url}/`, { headers: basic('alice', 'correct horse battery') })).status).toBe(200);
    expect((await fetch(`${inbox!.url}/`, { headers: basic('alice', 'wrong horse battery') })).status).toBe(401);
    expect((await fetch(`${inbox!.url}/`, { headers: basic('mallory', 'correct horse battery') })).status).toBe(401);
  });

  it('lets nobody read over HTTP when no reviewer credential is configured', async () => {
    await start({ token: SUBMIT });
    expect(inbox!.reviewable).toBe(false);
    expect((await fetch(`${inbox!.url}/reports.json`, { headers: bearer(SUBMIT) })).status).toBe(403);
    expect((await fetch(`${inbox!.url}/reports.json`)).status).toBe(403);
    expect((await fetch(`${inbox!.url}/health`)).status).toBe(200);
  });

  it('refuses a token taken out of the tokens file once the file is reloaded (what SIGHUP calls)', async () => {
    const file = join(dataDir, '..', `${dataDir.split('/').pop()}-tokens`);
    await writeFile(file, '# reporters\nalpha-token\nbeta-token  # Bob\n\n');
    try {
      await start({ tokensFile: file });
      expect(inbox!.submitOpen).toBe(false);
      expect((await post(formOf(makeReport()), bearer('alpha-token'))).status).toBe(201);
      expect((await post(formOf(makeReport()), bearer('beta-token'))).status).toBe(201);
      await writeFile(file, 'beta-token\n');
      expect(await inbox!.reload()).toBe(1);
      expect((await post(formOf(makeReport()), bearer('alpha-token'))).status).toBe(401);
      expect((await post(formOf(makeReport()), bearer('beta-token'))).status).toBe(201);
    } finally {
      await rm(file, { force: true });
    }
  });

  it('refuses to listen beyond loopback without a submit token', async () => {
    await expect(createInbox({ dataDir, host: '0.0.0.0', port: 0, log: quiet })).rejects.toThrow(/without a submit token/);
  });
});

describe('no open inbox', () => {
  it('never answers with Access-Control-Allow-Origin', async () => {
    await start({ reviewerToken: REVIEWER });
    const origin = { Origin: 'https://evil.example' };
    const answers = [
      await post(formOf(makeReport()), origin),
      await fetch(`${inbox!.url}/reports`, { headers: { ...origin, Accept: 'application/json' } }),
      await fetch(`${inbox!.url}/reports.json`, { headers: { ...origin, ...bearer(REVIEWER) } }),
      await fetch(`${inbox!.url}/health`, { headers: origin }),
      await fetch(`${inbox!.url}/reports`, { method: 'OPTIONS', headers: { ...origin, 'Access-Control-Request-Method': 'POST' } }),
    ];
    for (const answer of answers) {
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      await answer.arrayBuffer();
    }
  });

  it('answers 421 to a Host it was not told', async () => {
    await start({ reviewerToken: REVIEWER });
    expect((await rawGet('/health', { Host: 'evil.example' })).status).toBe(421);
    expect((await rawGet('/reports.json', { Host: `evil.example:${inbox!.port}`, ...bearer(REVIEWER) })).status).toBe(421);
    expect((await rawGet('/health', { Host: `localhost:${inbox!.port}` })).status).toBe(200);
    expect((await rawGet('/health', { Host: `127.0.0.1:${inbox!.port}` })).status).toBe(200);
    await inbox!.close();
    await start({ hostNames: ['tips.example.org'] });
    expect((await rawGet('/health', { Host: 'TIPS.example.org' })).status).toBe(200);
    expect((await rawGet('/health', { Host: `127.0.0.1:${inbox!.port}` })).status).toBe(421);
  });
});

describe('bounded storage and listing', () => {
  const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
  function withUnknown(report: object, raw: string): string {
    return `${JSON.stringify(report).slice(0, -1)},"futureField":${raw}}`;
  }
  function formOfText(json: string): FormData {
    const form = formOf(null, null);
    form.set('report', new Blob([json], { type: 'application/json' }), 'report.json');
    return form;
  }

  it('refuses a 100,000-deep unknown field, and one stored on disk does not break /reports.json or the page', async () => {
    await start({ reviewerToken: REVIEWER });
    const good = makeReport({ evidence: [] });
    expect((await post(formOfText(JSON.stringify(good)))).status).toBe(201);
    const refused = await post(formOfText(withUnknown(makeReport({ evidence: [] }), deep(100_000))));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toMatch(/deeper than 64/);

    // A folder written some other way (an older inbox, a restore) with the same monster in it.
    const planted = makeReport({ evidence: [] });
    await mkdir(join(dataDir, planted.id));
    await writeFile(join(dataDir, planted.id, 'report.json'), withUnknown(planted, deep(100_000)));
    await writeFile(join(dataDir, planted.id, 'receipt.json'), JSON.stringify({ receipt: 'TL-OLD', receivedAt: new Date().toISOString(), files: ['report.json'] }));

    const listing = await fetch(`${inbox!.url}/reports.json`, { headers: bearer(REVIEWER) });
    expect(listing.status).toBe(200);
    const { reports } = (await listing.json()) as { reports: { id: string; report: unknown; problem?: string }[] };
    expect(reports.map((r) => r.id).sort()).toEqual([good.id, planted.id].sort());
    expect(reports.find((r) => r.id === good.id)!.report).toMatchObject({ id: good.id, note: good.note });
    expect(reports.find((r) => r.id === planted.id)!.problem).toMatch(/deeper than 64/);
    const page = await fetch(`${inbox!.url}/`, { headers: bearer(REVIEWER) });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(good.page.title);
  });

  it('keeps report.json byte for byte, unknown fields included, and lists only known fields', async () => {
    await start({ reviewerToken: REVIEWER });
    const report = makeReport({ evidence: [] });
    const text = withUnknown(report, `{"nested":[1,2,{"x":"y"}],"big":"${'z'.repeat(10_000)}"}`).replace('{', '{  ');
    expect((await post(formOfText(text))).status).toBe(201);
    expect(await readFile(join(dataDir, report.id, 'report.json'), 'utf8')).toBe(text);
    const { reports } = (await (await fetch(`${inbox!.url}/reports.json`, { headers: bearer(REVIEWER) })).json()) as { reports: { report: Record<string, unknown> }[] };
    expect(reports[0]!.report).not.toHaveProperty('futureField');
  });

  it('refuses a report.json over its size limit', async () => {
    await start({ maxReportBytes: 2048 });
    const response = await post(formOfText(JSON.stringify(makeReport({ evidence: [], note: 'n'.repeat(4000) }))));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/larger than 2048/);
  });

  it('answers 422 to a reused id with another payload, leaves the stored one alone, and 200 to the same again', async () => {
    await start();
    const report = makeReport();
    const first = (await (await post(formOf(report))).json()) as { receipt: string };
    const stored = await readFile(join(dataDir, report.id, 'report.json'));
    const other = await post(formOf({ ...report, note: 'a different note' }));
    expect(other.status).toBe(422);
    expect(Buffer.compare(await readFile(join(dataDir, report.id, 'report.json')), stored)).toBe(0);
    const same = await post(formOf(report));
    expect(same.status).toBe(200);
    expect(((await same.json()) as { receipt: string }).receipt).toBe(first.receipt);
  });
});

describe('bodies', () => {
  interface Trickle {
    socket: Socket;
    answer: Promise<string>;
    stop(): void;
  }
  /** Sends headers and then one byte every 200 ms of a body that claims 100,000 bytes. */
  function trickle(port: number): Trickle {
    const socket = connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    let text = '';
    const answer = new Promise<string>((done) => {
      socket.on('data', (chunk) => (text += String(chunk)));
      socket.on('close', () => done(text));
      socket.on('error', () => done(text));
    });
    socket.write(`POST /reports HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 100000\r\n\r\n--x\r\n`);
    const timer = setInterval(() => socket.writable && socket.write('a'), 200);
    socket.on('close', () => clearInterval(timer));
    return { socket, answer, stop: () => (clearInterval(timer), socket.destroy()) };
  }

  it('50 trickling bodies do not starve a normal POST, and each is cut at the body time limit', async () => {
    await start({ bodyTimeoutMs: 4000 });
    const trickles = Array.from({ length: 50 }, () => trickle(inbox!.port));
    try {
      await new Promise((r) => setTimeout(r, 300));
      const started = Date.now();
      expect((await post(formOf(makeReport()))).status).toBe(201);
      // Well before the trickles are cut: the normal POST did not wait for them.
      expect(Date.now() - started).toBeLessThan(2500);
      const answers = await Promise.race([
        Promise.all(trickles.map((t) => t.answer)),
        new Promise<null>((r) => setTimeout(() => r(null), 9000)),
      ]);
      expect(answers).not.toBeNull();
      for (const answer of answers!) expect(answer).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      for (const t of trickles) t.stop();
    }
  }, 20_000);

  it('answers 503 with Retry-After past the cap on bodies read at once', async () => {
    await start({ maxConcurrentBodies: 2, bodyTimeoutMs: 5000 });
    const trickles = [trickle(inbox!.port), trickle(inbox!.port)];
    try {
      await new Promise((r) => setTimeout(r, 300));
      const refused = await post(formOf(makeReport()));
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      for (const t of trickles) t.stop();
    }
  });

  it('counts parts while the body streams and refuses one too many before the rest arrives', async () => {
    await start({ maxParts: 2 });
    const socket = connect(inbox!.port, '127.0.0.1');
    const part = (name: string) => `--x\r\nContent-Disposition: form-data; name="${name}"\r\n\r\nvalue\r\n`;
    const answer = new Promise<string>((done) => {
      let text = '';
      socket.on('data', (chunk) => (text += String(chunk)));
      socket.on('close', () => done(text));
      socket.on('error', () => done(text));
    });
    // Declares far more than it sends: the answer can only come from counting, not from reading the end.
    socket.write(`POST /reports HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 10000000\r\n\r\n`);
    socket.write(part('a') + part('b') + part('c'));
    const text = await answer;
    expect(text).toMatch(/^HTTP\/1\.1 400/);
    expect(text).toContain('too many parts');
  });

  it('sees every delimiter once however the body is cut into chunks', () => {
    const body = Buffer.from('--b\r\nA: 1\r\n\r\nx\r\n--b\r\nA: 2\r\n\r\nx--b\r--b\n--b\r\n\r\ny\r\n--b\r\n\r\nz\r\n--b--\r\n');
    for (let cut = 0; cut <= body.length; cut++) {
      for (let cut2 = cut; cut2 <= body.length; cut2 += 3) {
        const counter = new PartCounter('b');
        counter.push(body.subarray(0, cut));
        counter.push(body.subarray(cut, cut2));
        expect(counter.push(body.subarray(cut2))).toBe(3);
      }
    }
  });

  it('logs a client that goes away mid-body as an abort, not a 500', async () => {
    const entries: Record<string, unknown>[] = [];
    await start({ log: (entry) => entries.push(entry) });
    const socket = connect(inbox!.port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    socket.write(`POST /reports HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 5000\r\n\r\n--x\r\n`);
    await new Promise((r) => setTimeout(r, 100));
    socket.destroy();
    await expect.poll(() => entries.length).toBe(1);
    expect(entries[0]).toMatchObject({ method: 'POST', aborted: true });
    expect(entries[0]).not.toHaveProperty('status');
  });

  it('answers 400 to a bad %-escape', async () => {
    await start({ reviewerToken: REVIEWER });
    expect((await fetch(`${inbox!.url}/reports/%E0%A4%A/report.json`, { headers: bearer(REVIEWER) })).status).toBe(400);
  });
});

describe('start', () => {
  it('removes a stale .incoming-* folder left by a write that was killed', async () => {
    await mkdir(join(dataDir, '.incoming-0123456789abcdef'));
    await writeFile(join(dataDir, '.incoming-0123456789abcdef', 'report.json'), '{"half":');
    await start();
    expect((await readdir(dataDir)).filter((name) => name.startsWith('.incoming-'))).toEqual([]);
  });
});

describe('the command', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill('SIGTERM');
    child = undefined;
  });

  it('reloads the tokens file on SIGHUP: a removed token is refused', async () => {
    const file = join(dataDir, 'tokens');
    await writeFile(file, 'alpha-token\nbeta-token\n');
    const root = resolve(import.meta.dirname, '../../..');
    child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/main.ts'), '--port', '0', '--data', join(dataDir, 'data'), '--tokens-file', file], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffered = '';
    child.stdout!.on('data', (chunk) => {
      buffered += String(chunk);
      const parts = buffered.split('\n');
      buffered = parts.pop()!;
      lines.push(...parts);
    });
    await expect.poll(() => lines.find((l) => l.includes('"listening"')), { timeout: 20_000 }).toBeTruthy();
    const startLine = JSON.parse(lines.find((l) => l.includes('"listening"'))!) as { endpoint: string; reviewers: string };
    expect(startLine.reviewers).toMatch(/nobody can read reports over HTTP/);
    const send = (token: string) => fetch(startLine.endpoint, { method: 'POST', body: formOf(makeReport()), headers: bearer(token) }).then((r) => r.status);
    expect(await send('alpha-token')).toBe(201);
    await writeFile(file, 'beta-token\n');
    child.kill('SIGHUP');
    await expect.poll(() => lines.some((l) => l.includes('"reloaded"')), { timeout: 5000 }).toBe(true);
    expect(await send('alpha-token')).toBe(401);
    expect(await send('beta-token')).toBe(201);
  }, 30_000);
});
