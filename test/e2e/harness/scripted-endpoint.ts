import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Step = { status: number; body?: string; headers?: Record<string, string> } | 'forward' | 'hang';

export interface ScriptedEndpoint {
  url: string;
  port: number;
  posts: { idempotencyKey: string | undefined; answeredWith: number | 'hang' | 'forward' }[];
  close(): Promise<void>;
}

/**
 * An endpoint that misbehaves on purpose: each POST takes the next step of the script (a status, a hang,
 * or a hand-over to the real inbox); when the script runs out, the last step repeats.
 */
export async function scriptedEndpoint(steps: Step[], inboxUrl: string, port = 0): Promise<ScriptedEndpoint> {
  const posts: ScriptedEndpoint['posts'] = [];
  const hanging: ServerResponse[] = [];
  let index = 0;
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"protocol":"tipline.report/v1"}');
      return;
    }
    const step = steps[Math.min(index++, steps.length - 1)]!;
    const key = req.headers['idempotency-key'] as string | undefined;
    if (step === 'hang') {
      posts.push({ idempotencyKey: key, answeredWith: 'hang' });
      hanging.push(res);
      return;
    }
    if (step === 'forward') {
      posts.push({ idempotencyKey: key, answeredWith: 'forward' });
      const answer = await fetch(`${inboxUrl}/reports`, {
        method: 'POST',
        headers: { 'content-type': req.headers['content-type'] ?? '', ...(key ? { 'idempotency-key': key } : {}) },
        body: Buffer.concat(chunks),
      });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
      return;
    }
    posts.push({ idempotencyKey: key, answeredWith: step.status });
    res.writeHead(step.status, { 'content-type': 'application/json', ...step.headers }).end(step.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}/reports`,
    port: actual,
    posts,
    close: () =>
      new Promise((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port that was free a moment ago, for an endpoint that starts later. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
