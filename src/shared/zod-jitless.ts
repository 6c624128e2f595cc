import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/*
 * Imported first by the worker's and the options page's entry points, and by the two modules the popup
 * loads lazily with zod (src/store/part-store.ts, src/shared/evidence-package.ts), before any module that
 * makes a schema. zod decides when it makes its first object schema whether it may compile parsers with
 * `new Function`, and finds out by trying. The extension's CSP forbids eval, so the try fails, and the
 * browser reports it as a CSP violation with the place in the script that made it: on the first start
 * after install, Chromium has no source positions for the worker's script yet and parses the whole
 * script again to find that place (~60 ms in a trace of that start; README, Performance). Told it is
 * jitless, zod does not try. The content script does the same for its own zod (src/content/index.ts).
 */
z.config({ jitless: true });

/*
 * zod/mini has no messages of its own ("Invalid input" for everything): the English ones, and only
 * those, for what the reporter reads of a refused settings file or phrase list
 * (src/shared/settings-file.ts, src/shared/phrase-list.ts).
 */
z.config(en());
