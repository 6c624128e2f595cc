import { builtinPrefilterBytes, signalWordBytes } from '../src/matcher/prebuilt-tables';

/**
 * The built-in prefilter's and the sale words' tables, as the `define` of the worker's and the content
 * script's builds, so that neither builds them on every page load or worker start. Shared by the
 * production build (scripts/build.ts) and the test build (scripts/build-test.ts), whose workers must
 * be the same code.
 */
export function workerTables(): Record<string, string> {
  const base64 = (bytes: Uint8Array) => JSON.stringify(Buffer.from(bytes).toString('base64'));
  return { __TIPLINE_BUILTIN_PREFILTER__: base64(builtinPrefilterBytes()), __TIPLINE_SIGNAL_WORDS__: base64(signalWordBytes()) };
}
