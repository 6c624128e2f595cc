import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/*
 * The import boundaries of docs/ARCHITECTURE.md, as `npm run lint` enforces them: each forbidden
 * import is linted as if it stood in a file of that part, and must fail with the rule's name; each
 * allowed one must pass. The rule itself runs over the real tree in `npm run lint`.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: file });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

const forbidden: [file: string, source: string][] = [
  ['src/popup/probe.tsx', "import { drainQueue } from '../background/queue';\nvoid drainQueue;\n"],
  ['src/options/probe.tsx', "import type { ReportRecord } from '../store/records';\nexport type T = ReportRecord;\n"],
  ['src/popup/probe.ts', "import { database } from '../store/database';\nvoid database;\n"],
  ['src/ui/probe.ts', "import { startContentScript } from '../content/content-script';\nvoid startContentScript;\n"],
  ['src/popup/probe.ts', "import { buildMatcher } from '../matcher/build-matcher';\nvoid buildMatcher;\n"],
  ['src/background/probe.ts', "import { highlight } from '../content/highlighter';\nvoid highlight;\n"],
  ['src/background/probe.ts', "import { backgroundClient } from '../ui/probe';\nvoid backgroundClient;\n"],
  ['src/content/probe.ts', "import { PagePrefilter } from '../matcher/prefilter';\nvoid PagePrefilter;\n"],
  ['src/content/probe.ts', "import * as matcher from '../matcher';\nvoid matcher;\n"],
  ['src/content/probe.ts', "import { putReport } from '../store/report-store';\nvoid putReport;\n"],
  ['src/content/probe.ts', "import { BUILTIN } from '../phrases';\nvoid BUILTIN;\n"],
  ['src/matcher/probe.ts', "import browser from 'webextension-polyfill';\nvoid browser;\n"],
  ['src/matcher/probe.ts', "import { h } from 'preact';\nvoid h;\n"],
  ['src/matcher/probe.ts', "import { t } from '../shared/i18n';\nvoid t;\n"],
  ['src/matcher/probe.ts', "import { walk } from '../content/text-nodes';\nvoid walk;\n"],
  ['src/store/probe.ts', "import { drainQueue } from '../background/queue';\nvoid drainQueue;\n"],
  ['src/shared/probe.ts', "import { database } from '../store/database';\nvoid database;\n"],
  ['src/shared/protocol/probe.ts', "import type { ReportRecord } from '../../store/records';\nexport type T = ReportRecord;\n"],
];

const allowed: [file: string, source: string][] = [
  ['src/popup/probe.ts', "import { getPart } from '../store/part-store';\nvoid getPart;\n"],
  ['src/popup/probe.ts', "import { backgroundClient } from '../shared/protocol/ui-client';\nvoid backgroundClient;\n"],
  ['src/content/probe.ts', "import { isInvisible } from '../matcher/invisible';\nvoid isInvisible;\n"],
  ['src/background/probe.ts', "import { buildMatcher } from '../matcher/build-matcher';\nvoid buildMatcher;\n"],
  ['src/background/probe.ts', "import { putReport } from '../store/report-store';\nvoid putReport;\n"],
  ['src/matcher/probe.ts', "import { categorySchema } from '../shared/category-schema';\nvoid categorySchema;\n"],
];

describe('import boundaries (docs/ARCHITECTURE.md)', () => {
  it.each(forbidden.map(([file, source]) => [file, source.split('\n')[0]!, source]))('refuses in %s: %s', async (file, _line, source) => {
    const messages = await restrictedImports(file, source);
    expect(messages.length).toBe(1);
    expect(messages[0]).toContain('docs/ARCHITECTURE.md');
  });

  it.each(allowed.map(([file, source]) => [file, source.split('\n')[0]!, source]))('allows in %s: %s', async (file, _line, source) => {
    expect(await restrictedImports(file, source)).toEqual([]);
  });
});
