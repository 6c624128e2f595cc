/**
 * Bundle rules (issue "Hardening" §3): what ships in dist/ may not turn strings into code or markup,
 * load remote scripts, widen the manifest, or carry the end-to-end tests' hooks. Each finding names
 * the file and line.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Finding {
  file: string;
  line: number;
  rule: string;
}

const CODE_RULES: [string, RegExp][] = [
  ['innerHTML', /\.innerHTML\s*=(?!=)/],
  ['outerHTML', /\.outerHTML\s*=(?!=)/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\s*\(/],
  ['document.write', /\bdocument\.write(?:ln)?\s*\(/],
  ['eval', /(?<![\w$.])eval\s*\(/],
  // Called with or without `new`, or handed to a variable to be called later: the forms web-ext lint reports too.
  ['Function constructor', /(?<![\w$.])(?:new\s+)?Function\s*\(|[=(,]\s*Function\s*[,;)]/],
  ['remote script', /<script[^>]+src\s*=\s*["']?(?:https?:)?\/\//i],
  ['remote import', /\bimport\s*\(\s*["'`]https?:/],
  ['importScripts from the network', /\bimportScripts\s*\(\s*["'`]https?:/],
  // The end-to-end tests' hooks live in the test build's worker only (test/e2e/harness/background-with-hooks.ts):
  // a `tipline…` name set on a global in dist/ would be a test seam shipped to users.
  ['test hook', /\btipline(?:ReportListing|BlocksScanned|TextsPrefiltered)\b|\btipline[A-Z]\w*\s*[:=]/],
];

/**
 * Library code paths our own code cannot reach, each with its reason. Everything else is a finding.
 * - Preact applies `dangerouslySetInnerHTML` as `x.innerHTML = props.__html`; ESLint forbids that prop in src/.
 * - Emptying an element (`x.innerHTML = ""`) cannot bring markup in.
 * - zod (background worker and extension pages) asks whether it may compile its parsers by calling
 *   `Function("")`, which runs nothing; only if that succeeds does its `Doc.compile` build one with
 *   `new F(...)`, F being `Function`. The extension pages' CSP (the MV3 default, no 'unsafe-eval';
 *   checkManifest refuses a weaker one) would make the probe throw. Every part of ours that uses zod
 *   sets `jitless` before it makes a schema, so the probe is never called (src/shared/zod-jitless.ts,
 *   src/content/index.ts).
 */
const ALLOWED: { rule: string; pattern: RegExp }[] = [
  { rule: 'innerHTML', pattern: /\.innerHTML\s*=\s*\w+\.__html\b/g },
  { rule: 'innerHTML', pattern: /\.innerHTML\s*=\s*(?:``|""|'')/g },
  { rule: 'Function constructor', pattern: /(?<![\w$.])Function\s*\(\s*(?:``|""|'')\s*\)/g },
  { rule: 'Function constructor', pattern: /compile\(\)\{let \w+=Function,\w+=this\?\.content\b/g },
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export function checkCode(file: string, text: string): Finding[] {
  const findings: Finding[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    for (const [rule, pattern] of CODE_RULES) {
      const checked = ALLOWED.filter((allowed) => allowed.rule === rule).reduce((text, allowed) => text.replace(allowed.pattern, ''), line);
      if (pattern.test(checked)) findings.push({ file, line: index + 1, rule });
    }
  });
  return findings;
}

export function checkManifest(file: string, manifest: Record<string, unknown>): Finding[] {
  const findings: Finding[] = [];
  const csp = manifest.content_security_policy as { extension_pages?: string } | undefined;
  if (csp?.extension_pages && !/script-src 'self'(?![^;]*(unsafe|https?:))/.test(csp.extension_pages)) {
    findings.push({ file, line: 1, rule: 'content_security_policy weaker than the default' });
  }
  if (manifest.externally_connectable) findings.push({ file, line: 1, rule: 'externally_connectable' });
  const resources = manifest.web_accessible_resources as { use_dynamic_url?: boolean }[] | undefined;
  for (const entry of resources ?? []) if (!entry.use_dynamic_url) findings.push({ file, line: 1, rule: 'web_accessible_resources without use_dynamic_url' });
  return findings;
}

export function checkDist(dist: string): Finding[] {
  const findings: Finding[] = [];
  for (const path of files(dist)) {
    const file = relative(dist, path);
    if (/\.(js|mjs|html)$/.test(path)) findings.push(...checkCode(file, readFileSync(path, 'utf8')));
    if (file.endsWith('manifest.json')) findings.push(...checkManifest(file, JSON.parse(readFileSync(path, 'utf8'))));
  }
  return findings;
}
