import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/shared/hash';

describe('sha256Hex', () => {
  it('matches the known digest of the empty string and "abc"', async () => {
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('agrees with node:crypto on random bytes of many lengths', async () => {
    for (let length = 0; length < 300; length += 7) {
      const bytes = crypto.getRandomValues(new Uint8Array(length));
      expect(await sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(await sha256Hex(bytes.buffer)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
});
