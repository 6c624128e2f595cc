import { render } from 'preact';
import { App } from './app';
import { localiseDocument } from '../ui/localise-document';
import { backgroundClient } from '../shared/protocol/ui-client';
import { resolveTargetTab } from './target-tab';

localiseDocument('popupTitle');
const root = document.getElementById('app');
if (root) render(<App client={backgroundClient} targetTab={resolveTargetTab(location.search)} />, root);
