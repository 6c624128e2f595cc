/// <reference types="chrome" />
import { createHash, randomUUID } from 'node:crypto';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST_CHROME, launchExtension, type ExtensionBrowser } from './harness/browser';
import { saveScreen } from './harness/screens';

/** Where Debian's Chromium reads mandatory policies (docs/DEPLOYMENT.md). */
const POLICY_DIR = '/etc/chromium/policies/managed';

/** The id Chromium gives an unpacked extension: SHA-256 of its path, first 32 hex digits as a–p. */
function unpackedExtensionId(path: string): string {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/** Root on a writable /etc: the policy folder exists (or can be made) and takes files. */
function canWritePolicies(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!canWritePolicies())('enterprise deployment by Chromium policy', () => {
  const policyFile = join(POLICY_DIR, `tipline-test-${randomUUID()}.json`);
  let browser: ExtensionBrowser;
  const extensionId = unpackedExtensionId(DIST_CHROME);

  beforeAll(async () => {
    // Scoped to this extension's id only: other Chromium instances on the machine are unaffected.
    const policy = {
      '3rdparty': {
        extensions: {
          [extensionId]: {
            endpointUrl: 'https://tips.police.example/reports',
            endpointToken: 'org-token',
            categories: ['drugs-precursors', 'firearms-explosives'],
            retentionDays: 30,
            highlightEnabled: 'yes please',
          },
        },
      },
    };
    await writeFile(policyFile, JSON.stringify(policy));
    browser = await launchExtension({ locale: 'en' });
  });

  afterAll(async () => {
    await browser?.close();
    await rm(policyFile, { force: true });
  });

  it('hands the policy to the extension as managed storage', async () => {
    expect(browser.extensionId).toBe(extensionId);
    const managed = await browser.worker.evaluate(() => chrome.storage.managed.get(null));
    expect(managed).toMatchObject({ endpointUrl: 'https://tips.police.example/reports', retentionDays: 30 });
  });

  it('shows policy fields as locked, ignores the bad one, and never stores them as the reporter’s', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options/index.html`);
    await options.waitForSelector('#endpoint-locked');
    expect(await options.inputValue('#endpoint-url')).toBe('https://tips.police.example/reports');
    expect(await options.getAttribute('#endpoint-url', 'readonly')).not.toBeNull();
    expect(await options.isDisabled('#endpoint-save')).toBe(true);
    expect(await options.isDisabled('#category-jammers')).toBe(true);
    expect(await options.isChecked('#category-jammers')).toBe(false);
    expect(await options.isChecked('#category-drugs-precursors')).toBe(true);
    expect(await options.isDisabled('#retention')).toBe(true);
    expect(await options.inputValue('#retention')).toBe('30');
    // "yes please" is not a boolean: ignored, so the reporter keeps the switch.
    expect(await options.isDisabled('#highlight-enabled')).toBe(false);
    await saveScreen(options, 'options-managed-en');

    // A change the reporter may make is saved; the locked values stay out of local storage.
    await options.check('#stealth');
    const stored = () => browser.worker.evaluate(async () => ((await chrome.storage.local.get('settings')) as { settings?: { highlight: { stealth: boolean }; endpoint: unknown; privacy: { retentionDays: number } } }).settings);
    await expect.poll(async () => (await stored())?.highlight.stealth).toBe(true);
    expect((await stored())?.endpoint).toBeNull();
    expect((await stored())?.privacy.retentionDays).toBe(90);
    await options.close();
  });
});
