/** The reference tip inbox as a command: `npm run inbox -- --port 8787 --data ./data [--token T] [--max-bytes N]`. */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { createInbox, DEFAULT_MAX_BYTES } from './create-inbox';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    token: { type: 'string' },
    'max-bytes': { type: 'string' },
  },
});
const env = process.env;
const port = Number(values.port ?? env.TIPLINE_INBOX_PORT ?? 8787);
const maxBytes = Number(values['max-bytes'] ?? env.TIPLINE_INBOX_MAX_BYTES ?? DEFAULT_MAX_BYTES);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: ${values.port}`);
if (!Number.isInteger(maxBytes) || maxBytes < 1024) throw new Error('--max-bytes: a whole number of bytes, at least 1024');

const inbox = await createInbox({
  dataDir: resolve(values.data ?? env.TIPLINE_INBOX_DATA ?? 'data'),
  host: values.host ?? env.TIPLINE_INBOX_HOST ?? '127.0.0.1',
  port,
  token: values.token ?? env.TIPLINE_INBOX_TOKEN,
  maxBytes,
});
console.log(JSON.stringify({ time: new Date().toISOString(), listening: inbox.url, endpoint: `${inbox.url}/reports` }));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    void inbox.close().then(() => process.exit(0));
  });
}
