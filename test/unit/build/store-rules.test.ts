import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { checkFileName, checkPackage, checkVersion, checkZip, explainedPermissions, pngSize, storeZips, type Store } from '../../../scripts/check-store';
import { zipFiles, zipTime } from '../../../scripts/zip-folder';

const root = resolve(import.meta.dirname, '../../..');
const privacy = readFileSync(join(root, 'docs/PRIVACY.md'), 'utf8');
const dist = join(root, 'dist');

function filesUnder(dir: string): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(dir, full).split('\\').join('/')] = readFileSync(full);
    }
  };
  walk(dir);
  return out;
}

/** The first 24 bytes of a PNG: signature, IHDR length and type, width, height. Enough for pngSize. */
function pngHeader(width: number, height = width): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}

type Manifest = Record<string, unknown>;

function goodManifest(): Manifest {
  const icons = { '16': 'icons/icon-16.png', '32': 'icons/icon-32.png', '48': 'icons/icon-48.png', '128': 'icons/icon-128.png' };
  return {
    manifest_version: 3,
    name: '__MSG_extName__',
    short_name: 'Tipline',
    description: '__MSG_extDescription__',
    version: '1.2.3',
    default_locale: 'en',
    icons,
    action: { default_icon: { '16': icons['16'] } },
    permissions: ['storage', 'alarms'],
    host_permissions: ['<all_urls>'],
    content_scripts: [{ matches: ['<all_urls>'], js: ['content.js'] }],
    browser_specific_settings: { gecko: { id: 'tipline@tipline.invalid', data_collection_permissions: { required: ['websiteContent'] } } },
  };
}

function makePackage(manifest: Manifest = goodManifest(), extra: Record<string, Uint8Array | string> = {}, zh = 'Tipline 举报助手'): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array | string> = {
    'manifest.json': JSON.stringify(manifest),
    '_locales/en/messages.json': JSON.stringify({ extName: { message: 'Tipline' }, extDescription: { message: 'Report illegal listings.' } }),
    '_locales/zh_CN/messages.json': JSON.stringify({ extName: { message: zh }, extDescription: { message: '举报违法信息。' } }),
    'icons/icon-16.png': pngHeader(16),
    'icons/icon-32.png': pngHeader(32),
    'icons/icon-48.png': pngHeader(48),
    'icons/icon-128.png': pngHeader(128),
    'background.js': 'chrome.alarms.create("x",{periodInMinutes:1});',
    'content.js': 'document.title;',
    'popup/index.html': '<script type="module" src="../assets/p.js"></script>',
    ...extra,
  };
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, typeof data === 'string' ? strToU8(data) : data]));
}

const rules = (files: Record<string, Uint8Array>, store: Store = 'chrome', text = privacy) => checkPackage(files, store, text).map((f) => `${f.file} ${f.rule}`);

describe('store rules on the built zips', () => {
  it('dist/ holds a Chrome and a Firefox zip of package.json’s version', () => {
    expect(existsSync(dist), 'run npm run build first').toBe(true);
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(storeZips(dist).map((zip) => relative(dist, zip.path)).sort()).toEqual([`tipline-chrome-${version}.zip`, `tipline-firefox-${version}.zip`]);
  });

  it.each(['chrome', 'firefox'] as const)('the %s zip passes every store rule', (store) => {
    const zip = storeZips(dist).find((candidate) => candidate.store === store);
    expect(zip, 'run npm run build first').toBeDefined();
    expect(checkZip(zip!.path, store, privacy).map((f) => `${f.file} ${f.rule}`)).toEqual([]);
  });

  it.each(['chrome', 'firefox'] as const)('the %s zip holds exactly dist/%s, byte for byte as the zip writer makes it again', (store) => {
    const zip = storeZips(dist).find((candidate) => candidate.store === store)!;
    const folder = filesUnder(join(dist, store));
    const bytes = readFileSync(zip.path);
    expect(Object.keys(unzipSync(bytes))).toEqual(Object.keys(folder).sort());
    expect(Buffer.from(zipFiles(folder)).equals(bytes)).toBe(true);
  });
});

describe('each store rule can fail', () => {
  it('a well-formed package passes, in both stores', () => {
    expect(rules(makePackage(), 'chrome')).toEqual([]);
    expect(rules(makePackage(), 'firefox')).toEqual([]);
  });

  it('name, short_name and description lengths, per locale, after resolving __MSG_…__', () => {
    const sixty = 'T'.repeat(60);
    // 60 characters: within the Chrome Web Store's 75, over addons.mozilla.org's 50.
    expect(rules(makePackage(goodManifest(), {}, sixty), 'chrome')).toEqual([]);
    expect(rules(makePackage(goodManifest(), {}, sixty), 'firefox')).toEqual([
      `_locales/zh_CN/messages.json name is 60 characters, over addons.mozilla.org's limit of 50: "${sixty}"`,
    ]);
    expect(rules(makePackage(goodManifest(), {}, 'T'.repeat(76)), 'chrome')).toHaveLength(1);
    expect(rules(makePackage({ ...goodManifest(), short_name: 'Tipline Pro X' }))).toEqual([
      '_locales/en/messages.json short_name is 13 characters, over the Chrome Web Store limit of 12: "Tipline Pro X"',
      '_locales/zh_CN/messages.json short_name is 13 characters, over the Chrome Web Store limit of 12: "Tipline Pro X"',
    ]);
    const long = makePackage(goodManifest(), { '_locales/en/messages.json': JSON.stringify({ extName: { message: 'T' }, extDescription: { message: 'd'.repeat(133) } }) });
    expect(rules(long)).toEqual([expect.stringMatching(/^_locales\/en\/messages\.json description is 133 characters, over the Chrome Web Store limit of 132/)]);
    expect(rules(makePackage({ ...goodManifest(), description: '__MSG_nowhere__' }))).toEqual([
      '_locales/en/messages.json description: message "nowhere" is not defined',
      '_locales/zh_CN/messages.json description: message "nowhere" is not defined',
    ]);
    // Characters, not UTF-16 units or bytes: twelve CJK characters fit the short name.
    expect(rules(makePackage({ ...goodManifest(), short_name: '举报助手举报助手举报助手' }))).toEqual([]);
  });

  it('icons: the four sizes declared, present, PNG, and of the size the manifest and their names say', () => {
    const without128 = goodManifest();
    delete (without128.icons as Record<string, string>)['128'];
    expect(rules(makePackage(without128))).toEqual(['manifest.json icons has no 128×128 icon']);
    expect(rules(makePackage(goodManifest(), { 'icons/icon-48.png': pngHeader(32) }))).toEqual([
      'icons/icon-48.png icons.48 declares 48×48, the PNG is 32×32',
      'icons/icon-48.png its name declares 48×48, the PNG is 32×32',
    ]);
    const missing = makePackage();
    delete missing['icons/icon-32.png'];
    expect(rules(missing)).toEqual(['icons/icon-32.png icons.32 declares it (32×32) but it is not in the package']);
    expect(rules(makePackage(goodManifest(), { 'icons/icon-16.png': strToU8('GIF89a not a png at all') }))).toContain('icons/icon-16.png icons.16: not a PNG');
    expect(rules(makePackage(goodManifest(), { 'icons/spare-64.png': pngHeader(64, 32) }))).toEqual(['icons/spare-64.png its name declares 64×64, the PNG is 64×32']);
    expect(pngSize(pngHeader(128))).toEqual({ width: 128, height: 128 });
  });

  it('version: 1–4 integers 0–65535, no leading zeros, not all zero', () => {
    for (const good of ['1', '0.1', '1.0', '2.10.2', '3.1.2.4567', '65535.0']) expect(checkVersion(good), good).toBeUndefined();
    for (const bad of ['', '1.02', '01', '1.2.3.4.5', '65536', '1.2-beta', '0.0', '0', 'v1', '1..2']) expect(checkVersion(bad), bad).toBeDefined();
    expect(rules(makePackage({ ...goodManifest(), version: '1.02' }))).toEqual(['manifest.json version "1.02" is not 1–4 dot-separated integers without leading zeros']);
  });

  it('no eval, Function constructor, remote script or widened manifest (scripts/check-bundle.ts’s rules, on the zip’s files)', () => {
    expect(rules(makePackage(goodManifest(), { 'background.js': 'a();\neval(x)' }))).toEqual(['background.js:2 eval']);
    expect(rules(makePackage(goodManifest(), { 'background.js': 'let f=Function;f(x)' }))).toEqual(['background.js:1 Function constructor']);
    expect(rules(makePackage(goodManifest(), { 'popup/index.html': '<script src="https://cdn.example/x.js"></script>' }))).toEqual(['popup/index.html:1 remote script']);
    expect(rules(makePackage({ ...goodManifest(), externally_connectable: { matches: ['*://*/*'] } }))).toEqual(['manifest.json externally_connectable']);
  });

  it('every permission and host permission explained in docs/PRIVACY.md', () => {
    expect([...explainedPermissions(privacy)]).toEqual(expect.arrayContaining(['<all_urls>', 'storage', 'unlimitedStorage', 'alarms', 'contextMenus', 'pageCapture']));
    expect(rules(makePackage({ ...goodManifest(), permissions: ['storage', 'tabs'] }))).toEqual(['docs/PRIVACY.md permissions "tabs" is not explained under "Permissions and why"']);
    expect(rules(makePackage({ ...goodManifest(), optional_host_permissions: ['https://*.example.com/*'] }))).toEqual([
      'docs/PRIVACY.md optional_host_permissions "https://*.example.com/*" is not explained under "Permissions and why"',
    ]);
    const noHostRow = privacy.replace(/^\| `host_permissions: <all_urls>`.*$/m, '');
    expect(rules(makePackage(), 'chrome', noHostRow)).toEqual([
      'docs/PRIVACY.md host_permissions "<all_urls>" is not explained under "Permissions and why"',
      'docs/PRIVACY.md content_scripts.matches "<all_urls>" is not explained under "Permissions and why"',
    ]);
    // A name elsewhere in the document, outside the table, does not count.
    expect(explainedPermissions('# Privacy\n`tabs` is used.\n## Permissions and why\n| Permission | Why |\n|---|---|\n| `alarms` | Retries. |\n')).toEqual(new Set(['alarms']));
  });

  it('Firefox: gecko.id and data_collection_permissions', () => {
    const noId = goodManifest();
    noId.browser_specific_settings = { gecko: { data_collection_permissions: { required: ['none'] } } };
    expect(rules(makePackage(noId), 'firefox')).toEqual(['manifest.json browser_specific_settings.gecko.id is missing or not an add-on id']);
    expect(rules(makePackage(noId), 'chrome')).toEqual([]);
    const noConsent = goodManifest();
    noConsent.browser_specific_settings = { gecko: { id: '{8f3c2a1e-0000-4000-8000-123456789abc}' } };
    expect(rules(makePackage(noConsent), 'firefox')).toEqual(['manifest.json browser_specific_settings.gecko.data_collection_permissions.required is missing']);
  });

  it('no source maps, TypeScript, tests or dotfiles in the package', () => {
    const extra = {
      '.DS_Store': 'x',
      'assets/.vite/manifest.json': '{}',
      'background.js.map': '{}',
      'src/background/index.ts': 'export {}',
      'test/unit/a.test.js': '',
      'assets/b.spec.js': '',
      'content.js': 'x();\n//# sourceMappingURL=content.js.map',
    };
    expect(rules(makePackage(goodManifest(), extra))).toEqual([
      '.DS_Store dotfile in the package',
      'assets/.vite/manifest.json dotfile in the package',
      'assets/b.spec.js test file in the package',
      'background.js.map source map in the package',
      'content.js sourceMappingURL comment',
      'src/background/index.ts TypeScript source in the package',
      'test/unit/a.test.js test file in the package',
    ]);
    for (const ok of ['assets/latest.js', 'contest.js', 'icons/icon-16.png', '_locales/en/messages.json', 'types.d.json']) expect(checkFileName(ok), ok).toBeUndefined();
  });

  it('names the zip and the file of each finding', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tipline-store-'));
    try {
      const path = join(dir, 'tipline-chrome-9.9.9.zip');
      writeFileSync(path, zipSync(makePackage(goodManifest(), { 'background.js.map': '{}' })));
      expect(checkZip(path, 'chrome', privacy)).toEqual([{ file: 'tipline-chrome-9.9.9.zip: background.js.map', rule: 'source map in the package' }]);
      expect(storeZips(dir)).toEqual([{ store: 'chrome', path }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reproducible zips', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  // DOS date of the first local header (offset 12): years since 1980 << 9 | month << 5 | day.
  const dosDate = (zip: Uint8Array) => new DataView(zip.buffer, zip.byteOffset).getUint16(12, true);

  it('gives the same bytes for the same files, whatever their order, in any time zone', () => {
    const files = makePackage();
    const reversed = Object.fromEntries(Object.entries(files).reverse());
    process.env.TZ = 'UTC';
    const first = zipFiles(files);
    expect(Buffer.from(zipFiles(files)).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(zipFiles(reversed)).equals(Buffer.from(first))).toBe(true);
    for (const zone of ['America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
      process.env.TZ = zone;
      expect(Buffer.from(zipFiles(files)).equals(Buffer.from(first)), zone).toBe(true);
    }
    expect(Object.keys(unzipSync(first))).toEqual(Object.keys(files).sort());
    expect(dosDate(first)).toBe((0 << 9) | (1 << 5) | 1);
  });

  it('stamps SOURCE_DATE_EPOCH when it is given, and changes with the content', () => {
    process.env.TZ = 'Asia/Shanghai';
    // 2026-03-04T05:06:08Z
    const stamped = zipFiles(makePackage(), zipTime('1772600768'));
    expect(dosDate(stamped)).toBe((46 << 9) | (3 << 5) | 4);
    expect(new DataView(stamped.buffer, stamped.byteOffset).getUint16(10, true)).toBe((5 << 11) | (6 << 5) | 4);
    expect(zipTime('not a number').getFullYear()).toBe(1980);
    expect(Buffer.from(zipFiles(makePackage(goodManifest(), { 'content.js': 'changed' }))).equals(Buffer.from(zipFiles(makePackage())))).toBe(false);
  });
});
