import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST_CHROME } from './harness/browser';

/*
 * What the report form loads before it can be used (README, Performance): the popup page's module and
 * every chunk it imports statically, in the built extension. The history, the evidence store (idb and
 * the database's upgrades, zod's record schemas) and the package's ZIP code are loaded by dynamic
 * import when first needed, and the form's path carries no zod at all. No browser: it reads dist/.
 */

const assets = join(DIST_CHROME, 'assets');

/** The chunks named by `from"./x.js"` / `import"./x.js"` (static imports; the minifier may quote with ` too). */
function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:from|import)\s*["'`]\.\/([^"'`]+\.js)["'`]/g)].map((match) => match[1]!);
}

/** The chunks named by `import("./x.js")`: loaded when the code asks for them. */
function dynamicImports(code: string): string[] {
  return [...code.matchAll(/import\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g)].map((match) => match[1]!);
}

async function formPath(): Promise<Map<string, string>> {
  const html = await readFile(join(DIST_CHROME, 'popup', 'index.html'), 'utf8');
  const entry = /<script[^>]+src="\.\.\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error(`no module script in popup/index.html: ${html}`);
  const loaded = new Map<string, string>();
  const visit = async (name: string) => {
    if (loaded.has(name)) return;
    const code = await readFile(join(assets, name), 'utf8');
    loaded.set(name, code);
    for (const next of staticImports(code)) await visit(next);
  };
  await visit(entry);
  return loaded;
}

describe('the report form’s bundle', () => {
  it('loads no zod, no idb or database upgrade, and none of the history before it is used', async () => {
    const path = await formPath();
    const code = [...path.values()].join('\n');
    expect(code.length).toBeGreaterThan(1000);
    // zod's classes carry `_zod` internals; the database's upgrade creates object stores.
    expect(code).not.toContain('_zod');
    expect(code).not.toContain('createObjectStore');
    expect(code).not.toContain('tipline-history-rendered');
    // What it leaves out is still in the extension, loaded on demand.
    const dynamic = [...path.values()].flatMap(dynamicImports);
    const later = (await Promise.all(dynamic.map((name) => readFile(join(assets, name), 'utf8')))).join('\n');
    expect(later).toContain('tipline-history-rendered');
    expect(later).toContain('createObjectStore');
    console.log(`report form path: ${[...path.keys()].join(', ')}, ${(code.length / 1024).toFixed(1)} KB; loaded later: ${dynamic.join(', ')}`);
  });
});
