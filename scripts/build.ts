import { build } from 'vite';
import { cp, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromeManifest, firefoxManifest } from './manifest-variants';
import { highlightCss } from '../src/content/highlighter';
import { workerTables } from './worker-tables';
import { zipFolder } from './zip-folder';

const here = resolve(import.meta.dirname, '..');
const dist = join(here, 'dist');
const chromeDir = join(dist, 'chrome');
const firefoxDir = join(dist, 'firefox');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : Promise.resolve([join(dir, entry.name)]))),
  );
  return nested.flat().sort();
}

async function folderSize(dir: string): Promise<number> {
  let total = 0;
  for (const file of await filesUnder(dir)) total += (await stat(file)).size;
  return total;
}

const started = Date.now();
await rm(dist, { recursive: true, force: true });
// The content script and the worker (which scans pages' candidate blocks) get the built-in prefilter's
// and the sale words' tables rather than building them on every page load or worker start.
const tables = workerTables();
for (const mode of ['popup', 'options', 'background', 'content', 'bootstrap']) {
  const define = mode === 'popup' || mode === 'options' || mode === 'bootstrap' ? {} : tables;
  await build({ configFile: join(here, 'vite.config.ts'), mode, logLevel: 'warn', define });
}
// Highlight colours, from the one definition: the worker inserts them into a page with its first highlight (background/inject-scanner.ts).
await writeFile(join(chromeDir, 'highlight.css'), `${highlightCss()}\n`);
const source = JSON.parse(await readFile(join(here, 'manifest.json'), 'utf8'));
const { version } = JSON.parse(await readFile(join(here, 'package.json'), 'utf8')) as { version: string };
source.version = version;
await writeFile(join(chromeDir, 'manifest.json'), JSON.stringify(chromeManifest(source), null, 2));
await mkdir(firefoxDir, { recursive: true });
await cp(chromeDir, firefoxDir, { recursive: true });
await writeFile(join(firefoxDir, 'manifest.json'), JSON.stringify(firefoxManifest(source), null, 2));
const chromeZip = await zipFolder(chromeDir, join(dist, `tipline-chrome-${version}.zip`));
const firefoxZip = await zipFolder(firefoxDir, join(dist, `tipline-firefox-${version}.zip`));
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(
  `built in ${Date.now() - started} ms: dist/chrome ${kb(await folderSize(chromeDir))} (zip ${kb(chromeZip)}), ` +
    `dist/firefox ${kb(await folderSize(firefoxDir))} (zip ${kb(firefoxZip)})`,
);
