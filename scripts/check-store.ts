/**
 * Store rules: what the Chrome Web Store and addons.mozilla.org (AMO) refuse or warn about and what can
 * be checked offline, on the zips `npm run build` writes (what is uploaded, not dist/). Each finding
 * names the file and the rule. test/unit/build/store-rules.test.ts runs it on dist/ and shows that each
 * rule can fail. `tsx scripts/check-store.ts` prints the findings for dist/'s zips.
 *
 * Where the limits come from:
 * - name ≤ 75 characters (Chrome Web Store), short_name ≤ 12 (recommended by both):
 *   https://developer.chrome.com/docs/extensions/reference/manifest/name
 *   name ≤ 50 characters on AMO:
 *   https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/manifest.json/name
 * - description ≤ 132 characters (Chrome and Firefox):
 *   https://developer.chrome.com/docs/extensions/reference/manifest/description
 *   https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/manifest.json/description
 * - icons: a 128×128 icon is used at install and by the Chrome Web Store, 48 on the extensions page,
 *   32 on Windows, 16 as the favicon and in menus; square PNGs of the declared sizes:
 *   https://developer.chrome.com/docs/extensions/reference/manifest/icons
 *   https://developer.chrome.com/docs/extensions/develop/ui/configure-icons
 * - version: one to four dot-separated integers 0–65535, no leading zeros, not all zero:
 *   https://developer.chrome.com/docs/extensions/reference/manifest/version
 *   https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/manifest.json/version
 * - no remote code, no eval: "all of your extension's logic must be part of the extension package"
 *   https://developer.chrome.com/docs/webstore/program-policies/mv3-requirements
 *   https://developer.chrome.com/docs/extensions/develop/migrate/improve-security
 *   "Add-ons must be self-contained and not load remote code for execution" (AMO add-on policies,
 *   https://extensionworkshop.com/documentation/publish/add-on-policies/); the code rules are
 *   scripts/check-bundle.ts's, run here on the zips' files.
 * - permissions: each must be needed and its use explained (Chrome Web Store: "Use of Permissions",
 *   https://developer.chrome.com/docs/webstore/program-policies/permissions; AMO asks for unused
 *   permissions to be removed); ours are explained in docs/PRIVACY.md, "Permissions and why".
 * - Firefox: an MV3 add-on needs browser_specific_settings.gecko.id to be signed, and every new add-on
 *   on AMO from 2025-11-03 declares gecko.data_collection_permissions:
 *   https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/manifest.json/browser_specific_settings
 *   https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/
 * - the package holds what runs, not sources: AMO takes sources separately
 *   (https://extensionworkshop.com/documentation/publish/source-code-submission/), so no source maps,
 *   TypeScript, tests or dotfiles in the zips.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { checkCode, checkManifest } from './check-bundle';

export type Store = 'chrome' | 'firefox';

export interface StoreFinding {
  file: string;
  rule: string;
}

type Manifest = Record<string, unknown>;
type Messages = Record<string, { message?: string }>;

const LIMITS: Record<Store, { name: number; short_name: number; description: number }> = {
  chrome: { name: 75, short_name: 12, description: 132 },
  firefox: { name: 50, short_name: 12, description: 132 },
};
const ICON_SIZES = [16, 32, 48, 128];
const VERSION = /^(0|[1-9]\d{0,4})(\.(0|[1-9]\d{0,4})){0,3}$/;
const MESSAGE = /__MSG_(\w+)__/g;

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Width and height from a PNG's IHDR chunk (signature, length, "IHDR", then two big-endian uint32s). */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((byte, i) => bytes[i] !== byte) || text(bytes.subarray(12, 16)) !== 'IHDR') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export function checkVersion(version: unknown): string | undefined {
  if (typeof version !== 'string' || !VERSION.test(version)) return `version "${String(version)}" is not 1–4 dot-separated integers without leading zeros`;
  const parts = version.split('.').map(Number);
  if (parts.some((part) => part > 65535)) return `version "${version}" has a part over 65535`;
  if (parts.every((part) => part === 0)) return `version "${version}" is all zeros`;
  return undefined;
}

/** Resolves `__MSG_key__` against one locale, then the default locale (key names are case-insensitive). */
function resolveMessages(value: string, locale: Messages, fallback: Messages): { text: string; missing: string[] } {
  const missing: string[] = [];
  const find = (messages: Messages, key: string) =>
    Object.entries(messages).find(([name]) => name.toLowerCase() === key.toLowerCase())?.[1]?.message;
  const resolved = value.replace(MESSAGE, (_, key: string) => {
    const message = find(locale, key) ?? find(fallback, key);
    if (message === undefined) missing.push(key);
    return message ?? '';
  });
  return { text: resolved, missing };
}

function checkTexts(manifest: Manifest, files: Record<string, Uint8Array>, store: Store): StoreFinding[] {
  const findings: StoreFinding[] = [];
  const parsed: Record<string, Messages> = {};
  const locales: string[] = [];
  for (const [path, bytes] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const locale = /^_locales\/([^/]+)\/messages\.json$/.exec(path)?.[1];
    if (!locale) continue;
    locales.push(locale);
    try {
      parsed[locale] = JSON.parse(text(bytes));
    } catch {
      findings.push({ file: path, rule: 'messages.json is not JSON' });
    }
  }
  const defaultLocale = typeof manifest.default_locale === 'string' ? manifest.default_locale : undefined;
  if (locales.length > 0 && (!defaultLocale || !parsed[defaultLocale])) findings.push({ file: 'manifest.json', rule: `default_locale "${defaultLocale}" has no _locales/<locale>/messages.json` });
  const fallback = (defaultLocale && parsed[defaultLocale]) || {};
  for (const locale of locales.length > 0 ? Object.keys(parsed) : ['(no locale)']) {
    for (const field of ['name', 'short_name', 'description'] as const) {
      const value = manifest[field];
      if (value === undefined) {
        if (field === 'name') findings.push({ file: 'manifest.json', rule: 'name is missing' });
        continue;
      }
      const { text: resolved, missing } = resolveMessages(String(value), parsed[locale] ?? {}, fallback);
      const file = locales.length > 0 ? `_locales/${locale}/messages.json` : 'manifest.json';
      for (const key of missing) findings.push({ file, rule: `${field}: message "${key}" is not defined` });
      const length = [...resolved].length;
      const limit = LIMITS[store][field];
      if (length > limit) findings.push({ file, rule: `${field} is ${length} characters, over ${store === 'chrome' ? 'the Chrome Web Store' : "addons.mozilla.org's"} limit of ${limit}: "${resolved}"` });
      if (field === 'name' && length === 0) findings.push({ file, rule: 'name is empty' });
    }
  }
  return findings;
}

function checkIcons(manifest: Manifest, files: Record<string, Uint8Array>): StoreFinding[] {
  const findings: StoreFinding[] = [];
  const checkIcon = (path: string, size: number, where: string) => {
    const bytes = files[path];
    if (!bytes) return findings.push({ file: path, rule: `${where} declares it (${size}×${size}) but it is not in the package` });
    const actual = pngSize(bytes);
    if (!actual) return findings.push({ file: path, rule: `${where}: not a PNG` });
    if (actual.width !== size || actual.height !== size) findings.push({ file: path, rule: `${where} declares ${size}×${size}, the PNG is ${actual.width}×${actual.height}` });
  };
  const icons = (manifest.icons ?? {}) as Record<string, string>;
  for (const size of ICON_SIZES) if (!icons[String(size)]) findings.push({ file: 'manifest.json', rule: `icons has no ${size}×${size} icon` });
  for (const [size, path] of Object.entries(icons)) checkIcon(path, Number(size), `icons.${size}`);
  const actionIcons = (manifest.action as { default_icon?: Record<string, string> | string } | undefined)?.default_icon;
  if (actionIcons && typeof actionIcons === 'object') for (const [size, path] of Object.entries(actionIcons)) checkIcon(path, Number(size), `action.default_icon.${size}`);
  // An icon whose name gives a size (icon-48.png) is that size, declared or not.
  for (const path of Object.keys(files)) {
    const named = /^icons\/(?:.*\D)?(\d+)\.png$/.exec(path);
    if (named) checkIcon(path, Number(named[1]), 'its name');
  }
  return findings;
}

/** The permission names docs/PRIVACY.md explains: the first cells of the "Permissions and why" table. */
export function explainedPermissions(privacy: string): Set<string> {
  const section = privacy.split(/^## /m).find((part) => part.startsWith('Permissions and why')) ?? '';
  const names = new Set<string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    // | `name` | why | — a row with a reason, not the header or its rule.
    if (cells.length < 4 || !cells[2] || /^-+$/.test(cells[2])) continue;
    for (const [, code = ''] of (cells[1] ?? '').matchAll(/`([^`]+)`/g)) names.add(code.replace(/^(?:optional_)?(?:host_)?permissions:\s*/, ''));
  }
  return names;
}

function checkPermissions(manifest: Manifest, privacy: string): StoreFinding[] {
  const explained = explainedPermissions(privacy);
  const list = (key: string) => (Array.isArray(manifest[key]) ? (manifest[key] as string[]) : []);
  const asked: [key: string, name: string][] = [];
  for (const key of ['permissions', 'optional_permissions', 'host_permissions', 'optional_host_permissions']) for (const name of list(key)) asked.push([key, name]);
  for (const script of (manifest.content_scripts ?? []) as { matches?: string[] }[]) for (const match of script.matches ?? []) asked.push(['content_scripts.matches', match]);
  const rules = asked.filter(([, name]) => !explained.has(name)).map(([key, name]) => `${key} "${name}" is not explained under "Permissions and why"`);
  return [...new Set(rules)].map((rule) => ({ file: 'docs/PRIVACY.md', rule }));
}

function checkGecko(manifest: Manifest): StoreFinding[] {
  const gecko = (manifest.browser_specific_settings as { gecko?: { id?: unknown; data_collection_permissions?: { required?: unknown } } } | undefined)?.gecko;
  const findings: StoreFinding[] = [];
  const id = gecko?.id;
  // An e-mail-like id or a GUID in braces, at most 80 characters.
  if (typeof id !== 'string' || id.length > 80 || !/^(?:[\w.+-]*@[\w.-]+|\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\})$/i.test(id)) {
    findings.push({ file: 'manifest.json', rule: 'browser_specific_settings.gecko.id is missing or not an add-on id' });
  }
  const required = gecko?.data_collection_permissions?.required;
  if (!Array.isArray(required) || required.length === 0) findings.push({ file: 'manifest.json', rule: 'browser_specific_settings.gecko.data_collection_permissions.required is missing' });
  return findings;
}

/** What a store package must not carry: sources, source maps, tests, dotfiles. */
export function checkFileName(path: string): string | undefined {
  if (path.split('/').some((part) => part.startsWith('.'))) return 'dotfile in the package';
  if (/\.map$/.test(path)) return 'source map in the package';
  if (/\.(?:[cm]?tsx?)$/.test(path)) return 'TypeScript source in the package';
  if (/(?:^|\/)(?:tests?|__tests__|e2e)\//.test(path) || /\.(?:test|spec)\.[cm]?[jt]sx?$/.test(path)) return 'test file in the package';
  return undefined;
}

/** Every store rule over one package's files (zip entry name → bytes). */
export function checkPackage(files: Record<string, Uint8Array>, store: Store, privacy: string): StoreFinding[] {
  const findings: StoreFinding[] = [];
  for (const [path, bytes] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const rule = checkFileName(path);
    if (rule) findings.push({ file: path, rule });
    if (/\.(?:js|mjs|html)$/.test(path)) {
      const code = text(bytes);
      findings.push(...checkCode(path, code).map((f) => ({ file: `${f.file}:${f.line}`, rule: f.rule })));
      if (/^\/[/*][#@]\s*sourceMappingURL=/m.test(code)) findings.push({ file: path, rule: 'sourceMappingURL comment' });
    }
  }
  const manifestBytes = files['manifest.json'];
  if (!manifestBytes) return [...findings, { file: 'manifest.json', rule: 'no manifest.json at the root of the package' }];
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text(manifestBytes));
  } catch {
    return [...findings, { file: 'manifest.json', rule: 'manifest.json is not JSON' }];
  }
  findings.push(...checkManifest('manifest.json', manifest).map((f) => ({ file: f.file, rule: f.rule })));
  const version = checkVersion(manifest.version);
  if (version) findings.push({ file: 'manifest.json', rule: version });
  findings.push(...checkTexts(manifest, files, store), ...checkIcons(manifest, files), ...checkPermissions(manifest, privacy));
  if (store === 'firefox') findings.push(...checkGecko(manifest));
  return findings;
}

export function checkZip(zipPath: string, store: Store, privacy: string): StoreFinding[] {
  const name = zipPath.split(/[\\/]/).pop();
  return checkPackage(unzipSync(readFileSync(zipPath)), store, privacy).map((f) => ({ file: `${name}: ${f.file}`, rule: f.rule }));
}

/** dist/'s store zips, Chrome's and Firefox's. */
export function storeZips(dist: string): { store: Store; path: string }[] {
  return readdirSync(dist)
    .map((name) => ({ name, store: /^tipline-(chrome|firefox)-.+\.zip$/.exec(name)?.[1] as Store | undefined }))
    .filter((zip): zip is { name: string; store: Store } => zip.store !== undefined)
    .map(({ name, store }) => ({ store, path: join(dist, name) }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = resolve(import.meta.dirname, '..');
  const privacy = readFileSync(join(root, 'docs/PRIVACY.md'), 'utf8');
  const findings = storeZips(join(root, 'dist')).flatMap(({ store, path }) => checkZip(path, store, privacy));
  for (const finding of findings) console.error(`${finding.file}: ${finding.rule}`);
  process.exitCode = findings.length > 0 ? 1 : 0;
}
