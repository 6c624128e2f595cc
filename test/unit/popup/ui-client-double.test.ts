import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../../src/shared/settings';

vi.mock('webextension-polyfill', () => import('./fake-polyfill'));
const { backgroundClientDouble } = await import('../../../src/shared/protocol/ui-client-double');
const { BackgroundError } = await import('../../../src/shared/protocol/ui-client');

describe('the background client double', () => {
  it('answers from its handlers, sync or async, and records every call in order', async () => {
    const client = backgroundClientDouble({
      'settings/get': () => defaultSettings(),
      'draft/discard': async () => ({ removed: 2 }),
    });
    expect((await client.call({ type: 'settings/get' })).privacy.anonymous).toBe(true);
    expect(await client.call({ type: 'draft/discard', draftId: '00000000-0000-4000-8000-000000000001' })).toEqual({ removed: 2 });
    expect(client.calls.map((message) => message.type)).toEqual(['settings/get', 'draft/discard']);
    expect(client.callsOf('draft/discard')).toEqual([{ type: 'draft/discard', draftId: '00000000-0000-4000-8000-000000000001' }]);
  });

  it('fails with the real client\'s BackgroundError when a handler throws, keeping its message', async () => {
    const client = backgroundClientDouble({ 'data/clear': () => { throw new Error('error_disk_full'); } });
    const failure = client.call({ type: 'data/clear' });
    await expect(failure).rejects.toBeInstanceOf(BackgroundError);
    await expect(failure).rejects.toThrow('error_disk_full');
  });

  it('fails as an unanswered message would when no handler exists for the type, and still records the call', async () => {
    const client = backgroundClientDouble();
    await expect(client.call({ type: 'lists/status' })).rejects.toThrow(new BackgroundError('error_no_answer'));
    expect(client.calls).toEqual([{ type: 'lists/status' }]);
  });

  it('takes a handler set later, and never answers synchronously', async () => {
    const client = backgroundClientDouble();
    client.handle('history/delete', () => null);
    let answered = false;
    const reply = client.call({ type: 'history/delete', id: '00000000-0000-4000-8000-000000000002' }).then(() => (answered = true));
    expect(answered).toBe(false);
    await reply;
    expect(answered).toBe(true);
  });

  it('copies messages and replies, as they are copied across the context boundary', async () => {
    const stored = defaultSettings();
    const client = backgroundClientDouble({ 'settings/save': (message) => message.settings });
    const sent = defaultSettings();
    const reply = await client.call({ type: 'settings/save', settings: sent });
    sent.privacy.contact = 'changed later';
    expect(reply).not.toBe(sent);
    expect(client.callsOf('settings/save')[0]?.settings.privacy.contact).toBe(stored.privacy.contact);
  });

  it('is imported by nothing under src/, so it never ships', () => {
    const root = resolve(import.meta.dirname, '../../../src');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
    const importers = files(root).filter((file) => /\.tsx?$/.test(file) && /(from|import)\s*\(?\s*['"][^'"]*ui-client-double['"]/.test(readFileSync(file, 'utf8')));
    expect(importers).toEqual([]);
  });
});
