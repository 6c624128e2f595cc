import { z } from 'zod/mini';
import { settingsSchema, type Settings } from './settings';

/** The settings file a reporter or an operator exports and imports (docs/SETTINGS.md). */
export const SETTINGS_FILE_SCHEMA = 'tipline.settings/v1';
export const MAX_SETTINGS_FILE_BYTES = 1024 * 1024;

/** Lazy: the worker and the options page need it only for an import. */
export const settingsFileSchema = z.lazy(() =>
  z.strictObject({
    schema: z.literal(SETTINGS_FILE_SCHEMA),
    exportedAt: z.optional(z.iso.datetime()),
    settings: settingsSchema,
  }),
);
export type SettingsFile = z.infer<typeof settingsFileSchema>;

/** The file's text. The endpoint token is a secret: it is left out unless asked for. */
export function exportSettings(settings: Settings, options: { includeToken: boolean; now?: Date }): string {
  const endpoint = settings.endpoint && !options.includeToken ? { url: settings.endpoint.url } : settings.endpoint;
  const file: SettingsFile = { schema: SETTINGS_FILE_SCHEMA, exportedAt: (options.now ?? new Date()).toISOString(), settings: { ...settings, endpoint } };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ImportProblem = 'too-big' | 'not-json' | 'invalid';
export type ImportResult = { ok: true; settings: Settings } | { ok: false; problem: ImportProblem; detail: string };

/**
 * Validates an imported file as a whole: a file with any bad field changes nothing, and the reply
 * names the first bad field. When the file leaves the token out and names the same endpoint as now,
 * the current token is kept rather than silently dropped.
 */
export function importSettings(text: string, current: Settings): ImportResult {
  const bytes = new TextEncoder().encode(text).byteLength;
  if (bytes > MAX_SETTINGS_FILE_BYTES) return { ok: false, problem: 'too-big', detail: `${bytes} > ${MAX_SETTINGS_FILE_BYTES}` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: 'not-json', detail: error instanceof Error ? error.message : String(error) };
  }
  const parsed = settingsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.length ? issue.path.map(String).join('.') : '(root)';
    return { ok: false, problem: 'invalid', detail: `${path}: ${issue?.message ?? 'invalid'}` };
  }
  const settings = parsed.data.settings;
  const endpoint = settings.endpoint;
  if (endpoint && endpoint.token === undefined && current.endpoint?.token && current.endpoint.url === endpoint.url) {
    return { ok: true, settings: { ...settings, endpoint: { ...endpoint, token: current.endpoint.token } } };
  }
  return { ok: true, settings };
}
