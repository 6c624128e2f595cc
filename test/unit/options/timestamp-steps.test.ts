import { describe, expect, it, vi } from 'vitest';
import { defaultSettings, type Settings } from '../../../src/shared/settings';

vi.mock('webextension-polyfill', () => import('../popup/fake-polyfill'));
const { saveTimestampUrl, timestampUrlProblem } = await import('../../../src/options/timestamp-steps');

describe('the trusted timestamp section', () => {
  it('names what is wrong with a URL that cannot be used, and saves nothing', async () => {
    expect(timestampUrlProblem('tsa.example.org')).toBe('endpointProblem_invalid');
    expect(timestampUrlProblem('http://tsa.example.org/tsr')).toBe('endpointProblem_insecure');
    expect(timestampUrlProblem('ftp://tsa.example.org/')).toBe('endpointProblem_scheme');
    expect(timestampUrlProblem('https://me:pw@tsa.example.org/')).toBe('timestampProblem_credentials');
    const saved: Settings[] = [];
    const message = await saveTimestampUrl({ settings: defaultSettings(), url: 'http://tsa.example.org/tsr', onSave: async (next) => void saved.push(next) });
    expect(message).toEqual({ text: 'endpointProblem_insecure', error: true });
    expect(saved).toEqual([]);
  });

  it('saves a trimmed https URL, and turns timestamps off when emptied', async () => {
    const saved: Settings[] = [];
    const onSave = async (next: Settings) => void saved.push(next);
    expect(await saveTimestampUrl({ settings: defaultSettings(), url: ' https://tsa.example.org/tsr ', onSave })).toEqual({ text: 'timestampSaved', error: false });
    expect(saved.at(-1)?.timestampUrl).toBe('https://tsa.example.org/tsr');
    expect(await saveTimestampUrl({ settings: saved.at(-1)!, url: '  ', onSave })).toEqual({ text: 'timestampCleared', error: false });
    expect(saved.at(-1)?.timestampUrl).toBeNull();
  });
});
