import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, categoryMessageKey } from '../../../src/shared/taxonomy';

const root = resolve(import.meta.dirname, '../../..');
const load = (locale: string) =>
  JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const en = load('en');
const zh = load('zh_CN');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('locales', () => {
  it('en and zh_CN carry the same keys, all valid for Chrome', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('zh_CN is really translated', () => {
    const untranslated = Object.keys(en).filter((key) => key !== 'extName' && zh[key]?.message === en[key]?.message);
    expect(untranslated).toEqual([]);
  });

  it('has a label for every category', () => {
    for (const id of CATEGORY_IDS) expect(en[categoryMessageKey(id)], id).toBeDefined();
  });

  it('has every literal key the code asks for', () => {
    const missing = new Set<string>();
    for (const file of sourceFiles(join(root, 'src'))) {
      for (const [, key] of readFileSync(file, 'utf8').matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) {
        if (key && !en[key]) missing.add(`${key} (${file.slice(root.length + 1)})`);
      }
    }
    expect([...missing]).toEqual([]);
  });
});
