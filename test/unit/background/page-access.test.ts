import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { storage: { local: {} } } }));
const { closeStorageToPages } = await import('../../../src/background/page-access');

describe('closing storage.local to content scripts', () => {
  it('asks Chrome for trusted contexts only', () => {
    const setAccessLevel = vi.fn(async () => undefined);
    closeStorageToPages({ setAccessLevel });
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('does nothing where the browser has no setAccessLevel (Firefox), and survives a refusal', async () => {
    expect(() => closeStorageToPages({})).not.toThrow();
    expect(() => closeStorageToPages()).not.toThrow();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    closeStorageToPages({ setAccessLevel: () => Promise.reject(new Error('no')) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
