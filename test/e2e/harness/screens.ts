import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

export const SCREENS_DIR = resolve(import.meta.dirname, '../../../test-results/screens');

/** Saves a PNG of what a person would see, for review (test-results/screens/). */
export async function saveScreen(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const path = join(SCREENS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}
