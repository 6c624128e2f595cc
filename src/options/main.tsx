// First, before any module makes a schema (src/shared/zod-jitless.ts).
import '../shared/zod-jitless';
import { render } from 'preact';
import { backgroundClient } from '../shared/protocol/ui-client';
import { localiseDocument } from '../ui/localise-document';
import { askFirst, OptionsApp } from './options-app';

// The worker is asked first, before the page localises and renders itself (options-app.tsx, askFirst).
const first = askFirst(backgroundClient);
localiseDocument('optionsTitle');
const root = document.getElementById('app');
if (root) render(<OptionsApp client={backgroundClient} first={first} />, root);
