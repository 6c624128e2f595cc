import { render } from 'preact';
import { backgroundClient } from '../shared/protocol/ui-client';
import { localiseDocument } from '../ui/localise-document';
import { OptionsApp } from './options-app';

localiseDocument('optionsTitle');
const root = document.getElementById('app');
if (root) render(<OptionsApp client={backgroundClient} />, root);
