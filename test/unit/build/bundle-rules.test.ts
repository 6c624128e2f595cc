import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCode, checkDist, checkManifest } from '../../../scripts/check-bundle';
import { OFFER_GATE_MODEL } from '../../../src/phrases/offer-gate-model';

const root = resolve(import.meta.dirname, '../../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));
}

describe('bundle rules', () => {
  it.each(['chrome', 'firefox'])('dist/%s has no string-to-code, no markup sinks, no remote scripts', (browser) => {
    const dist = resolve(root, 'dist', browser);
    expect(existsSync(dist), 'run npm run build first').toBe(true);
    const findings = checkDist(dist).map((f) => `${browser}/${f.file}:${f.line} ${f.rule}`);
    expect(findings).toEqual([]);
  });

  it('embeds the built-in prefilter in the worker, so it does not build it on each start', () => {
    const background = readFileSync(resolve(root, 'dist/chrome/background.js'), 'utf8');
    expect(background).not.toContain('__TIPLINE_BUILTIN_PREFILTER__');
    // The packed tables' magic number ("TLP1", little-endian) opens the base64 text.
    expect(background).toContain(Buffer.from([0x31, 0x50, 0x4c, 0x54]).toString('base64').slice(0, 4));
  });

  it("ships the offer gate's model in the worker and nowhere a page loads", () => {
    const slice = OFFER_GATE_MODEL?.weights.slice(1000, 1064) ?? '';
    expect(slice).toHaveLength(64);
    expect(readFileSync(resolve(root, 'dist/chrome/background.js'), 'utf8')).toContain(slice);
    for (const script of ['content.js', 'bootstrap.js']) expect(readFileSync(resolve(root, 'dist/chrome', script), 'utf8')).not.toContain(slice);
  });

  it('keeps the matcher, the lists and the settings schema out of the script that runs on every page', () => {
    const content = readFileSync(resolve(root, 'dist/chrome/content.js'), 'utf8');
    expect(content).not.toContain(Buffer.from([0x31, 0x50, 0x4c, 0x54]).toString('base64').slice(0, 4));
    // A built-in phrase and a sale word, and a field only the settings schema names.
    expect(content).not.toContain('气狗');
    expect(content).not.toContain('retentionDays');
    expect(content.length).toBeLessThan(80_000);
  });

  it('catches each forbidden pattern and names the line', () => {
    const bad = ['a.innerHTML = x', 'el.insertAdjacentHTML("beforeend", x)', 'eval(x)', 'new Function("x")', 'document.write(x)', 'import("https://cdn.example/x.js")'].join('\n');
    const found = checkCode('bad.js', bad);
    expect(found.map((f) => f.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(checkCode('ok.js', 'a.innerHTML === b; retrieval(x); x.evaluate(1)')).toEqual([]);
    // Preact's dangerouslySetInnerHTML path is allowed (unreachable: the prop is banned in src/), nothing else on the line is.
    expect(checkCode('preact.js', 'f&&(e.innerHTML=f.__html)')).toEqual([]);
    expect(checkCode('preact.js', 'f&&(e.innerHTML=f.__html);g.innerHTML=x')).toHaveLength(1);
  });

  it('catches a test hook set on a global, by its name or as any tipline… property', () => {
    expect(checkCode('background.js', 'Object.assign(globalThis,{tiplineReportListing:Xe,tiplineBlocksScanned:Ye})')).toHaveLength(1);
    expect(checkCode('background.js', 'self.tiplineTextsPrefiltered=Ze')).toHaveLength(1);
    expect(checkCode('background.js', 'globalThis.tiplineSomethingNew = x')).toHaveLength(1);
    // Highlight names, the bundles' own global and the storage keys are not hooks.
    expect(checkCode('content.js', 'CSS.highlights.set("tipline-drugs",h);var tipline_content=function(){}();x.tiplineNote')).toEqual([]);
  });

  it('builds the test hooks into dist-test/chrome only, the rest of it as dist/chrome', () => {
    const testChrome = resolve(root, 'dist-test/chrome');
    expect(existsSync(testChrome), 'run npm run build:test first').toBe(true);
    expect(readFileSync(join(testChrome, 'background.js'), 'utf8')).toContain('tiplineReportListing');
    const chrome = resolve(root, 'dist/chrome');
    const names = (dir: string) => filesUnder(dir).map((file) => relative(dir, file));
    expect(names(testChrome)).toEqual(names(chrome));
    for (const name of names(chrome).filter((name) => name !== 'background.js')) {
      expect(readFileSync(join(testChrome, name)).equals(readFileSync(join(chrome, name))), name).toBe(true);
    }
  });

  it('refuses a widened manifest', () => {
    expect(checkManifest('m', { externally_connectable: { matches: ['*://*/*'] } })).toHaveLength(1);
    expect(checkManifest('m', { web_accessible_resources: [{ resources: ['x'] }] })).toHaveLength(1);
    expect(checkManifest('m', { content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval'" } })).toHaveLength(1);
    expect(checkManifest('m', {})).toEqual([]);
  });
});
