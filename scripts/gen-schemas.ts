/** `npm run schemas`: the JSON Schemas in docs/schemas/ are generated from the zod schemas, never written by hand. */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type * as core from 'zod/v4/core';
import { z } from 'zod';
import { reportSchema } from '../src/shared/report';
import { phraseListSchema } from '../src/shared/phrase-list';
import { settingsSchema } from '../src/shared/settings';
import { settingsFileSchema } from '../src/shared/settings-file';

const out = resolve(import.meta.dirname, '../docs/schemas');
await mkdir(out, { recursive: true });

const schemas: Record<string, core.$ZodType> = {
  'report.schema.json': reportSchema,
  'phrase-list.schema.json': phraseListSchema,
  'settings.schema.json': settingsSchema,
  'settings-file.schema.json': settingsFileSchema,
};
for (const [file, schema] of Object.entries(schemas)) {
  // Refinements (URL rules, the CSAM evidence rule) cannot be expressed in JSON Schema; PROTOCOL.md states them.
  const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' });
  await writeFile(resolve(out, file), `${JSON.stringify(json, null, 2)}\n`);
  console.log(`docs/schemas/${file}`);
}
