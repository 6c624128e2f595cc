import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { reportSchema } from '../../../src/shared/report';
import { phraseListSchema } from '../../../src/shared/phrase-list';
import { settingsSchema } from '../../../src/shared/settings';
import { settingsFileSchema } from '../../../src/shared/settings-file';

const docs = resolve(import.meta.dirname, '../../../docs/schemas');

describe('generated JSON Schemas', () => {
  it.each([
    ['report.schema.json', reportSchema],
    ['phrase-list.schema.json', phraseListSchema],
    ['settings.schema.json', settingsSchema],
    ['settings-file.schema.json', settingsFileSchema],
  ] as const)('docs/schemas/%s matches the zod schema (run npm run schemas after a change)', (file, schema) => {
    const committed = JSON.parse(readFileSync(resolve(docs, file), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }))));
  });
});
