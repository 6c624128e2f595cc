import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Comments and docs point only to files in this repository (docs/ARCHITECTURE.md, style): every
 * file name they mention exists here, and none cites the design file that lives outside it.
 */
const root = process.cwd();
const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  // The evaluation pages (test/corpus/) are written as other sites' pages, which name those sites' own files.
  .filter((file) => /\.(ts|tsx|js|md|html|css)$/.test(file) && !file.startsWith('test/fixtures/') && !file.startsWith('test/corpus/') && existsSync(join(root, file)));
/** These tests name missing files on purpose. */
const probes = (file: string) => file.startsWith('test/unit/architecture/');
const names = new Set(tracked.map((file) => basename(file)));
const outsideDesign = ['DESIGN', 'md'].join('.');

/** File names a text mentions: `a/b/c.ts`, `c.ts`, `docs/X.md`; not URLs, packages' own files or globs. */
function mentionedFiles(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?<![\w/.:@-])((?:[\w-]+\/)*[\w-][\w.-]*\.(?:ts|tsx|md))(?![\w/])/g)) {
    const name = match[1]!;
    if ((name.endsWith('.d.ts') && !name.startsWith('src/')) || name === outsideDesign) continue;
    found.push(name);
  }
  return found;
}

/** What a file says in words: a doc whole, a script's comments only (`event.ts` in code is a property). */
function wordsOf(file: string, text: string): string {
  if (!/\.(ts|tsx|js)$/.test(file)) return text;
  return [...text.matchAll(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g)].map((match) => match[0]).join('\n');
}

function exists(from: string, name: string): boolean {
  if (!name.includes('/')) return names.has(name);
  return [root, join(root, 'src'), join(root, dirname(from)), join(root, 'docs'), join(root, 'test')].some((base) => existsSync(join(base, name)));
}

describe('references', () => {
  it(`no file cites ${outsideDesign}`, () => {
    const citing = tracked.filter((file) => !probes(file) && readFileSync(join(root, file), 'utf8').includes(outsideDesign));
    expect(citing).toEqual([]);
  });

  it('every file name in code comments and docs exists in the repository', () => {
    const missing: string[] = [];
    for (const file of tracked.filter((file) => !probes(file))) {
      const text = wordsOf(file, readFileSync(join(root, file), 'utf8').replace(/https?:\/\/\S+/g, ''));
      for (const name of mentionedFiles(text)) if (!exists(file, name)) missing.push(`${file}: ${name}`);
    }
    expect(missing).toEqual([]);
  });

  it('reads a script’s comments, not its code', () => {
    expect(mentionedFiles(wordsOf('bench/x.ts', 'const t = e.ts; // see src/nowhere.ts\n/* and docs/NOWHERE.md */'))).toEqual(['src/nowhere.ts', 'docs/NOWHERE.md']);
  });

  it('finds a missing file when there is one', () => {
    expect(mentionedFiles('see src/content/builtin-prefilter.ts and docs/TESTING.md, not https://x/y.md')).toEqual([
      'src/content/builtin-prefilter.ts',
      'docs/TESTING.md',
    ]);
    expect(exists('src/content/index.ts', 'src/content/builtin-prefilter.ts')).toBe(false);
    expect(exists('src/content/index.ts', 'docs/TESTING.md')).toBe(false);
    expect(exists('src/content/index.ts', 'docs/ARCHITECTURE.md')).toBe(true);
  });
});
