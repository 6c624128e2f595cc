// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../../src/shared/settings';
import type { UiHandlers } from '../../../src/shared/protocol/ui-client-double';
import type { HeldCapture } from '../../../src/shared/protocol/messages';
import { byId, click, mount, setValue, settle, submitForm, unmount } from './dom';
import { deferred, kept, part, reportView, tabContext, uuid } from './fixtures';

vi.mock('webextension-polyfill', () => import('./fake-polyfill'));
// Previews read evidence from IndexedDB; these tests look at the form, not the pictures.
vi.mock('../../../src/store/part-store', () => ({ getPart: async () => undefined }));
const { backgroundClientDouble } = await import('../../../src/shared/protocol/ui-client-double');
const { ReportForm } = await import('../../../src/popup/report-form');

function client(handlers: UiHandlers = {}) {
  return backgroundClientDouble({
    'settings/get': () => defaultSettings(),
    'tab/context': () => tabContext(),
    'capture/visible': () => part(),
    'draft/discard': () => ({ removed: 1 }),
    'draft/keep': kept,
    'report/submit': (message) => reportView(message.draft),
    ...handlers,
  });
}

let root: HTMLElement | null = null;
async function open(double: ReturnType<typeof client>) {
  root = mount(<ReportForm client={double} targetTab={Promise.resolve(7)} onShowHistory={() => undefined} />);
  await settle();
  return root;
}
const form = (page: HTMLElement) => page.querySelector('form') as HTMLFormElement;
const submitButton = (page: HTMLElement) => byId<HTMLButtonElement>(page, 'submit');

beforeEach(() => history.replaceState(null, '', '/popup.html'));
afterEach(() => {
  if (root) unmount(root);
  root = null;
});

describe('the report form', () => {
  it('drops a full-page shot still being taken when the category becomes child-sexual-abuse, even after switching back', async () => {
    const shot = deferred<HeldCapture>();
    const double = client({ 'capture/full-page': () => shot.promise });
    const page = await open(double);
    await click(byId(page, 'take-full-page'));
    await setValue(byId<HTMLSelectElement>(page, 'category'), 'child-sexual-abuse');
    expect(byId(page, 'csam-notice')).toBeTruthy();
    expect(double.callsOf('draft/discard')).toHaveLength(1);
    expect(submitButton(page).disabled).toBe(true);
    shot.resolve(part('full-page'));
    await settle();
    expect(submitButton(page).disabled).toBe(false);
    await setValue(byId<HTMLSelectElement>(page, 'category'), 'jammers');
    expect(page.querySelector('[data-part=screenshot]')).toBeNull();
    expect(page.querySelector('input[name=shot]')).toBeNull();
    await submitForm(form(page));
    expect(double.callsOf('report/submit')[0]?.draft.partIds).toEqual([]);
  });

  it('cannot be submitted while the first screenshot is being taken', async () => {
    const shot = deferred<HeldCapture>();
    const double = client({ 'capture/visible': () => shot.promise });
    const page = await open(double);
    expect(submitButton(page).disabled).toBe(true);
    expect(page.querySelector('[aria-busy=true]')?.textContent).toBe('capturing');
    await submitForm(form(page));
    expect(double.callsOf('report/submit')).toEqual([]);
    shot.resolve(part());
    await settle();
    expect(submitButton(page).disabled).toBe(false);
  });

  it('sends the report/submit message with the page, the reporter\'s words and the chosen evidence', async () => {
    const visible = part();
    const snapshot = part('dom');
    const double = client({ 'capture/visible': () => visible, 'capture/snapshot': () => snapshot });
    const page = await open(double);
    await click(byId(page, 'take-snapshot'));
    await setValue(byId<HTMLTextAreaElement>(page, 'note'), 'sold openly');
    await click(byId(page, 'include-contact'));
    await setValue(byId<HTMLInputElement>(page, 'contact'), 'me@example.org');
    await submitForm(form(page));
    const [sent] = double.callsOf('report/submit');
    const draftId = double.callsOf('draft/keep')[0]?.draftId;
    expect(draftId).toBeDefined();
    expect(sent).toEqual({
      type: 'report/submit',
      draft: {
        draftId,
        tabId: 7,
        category: 'firearms-explosives',
        note: 'sold openly',
        includeContact: true,
        contact: 'me@example.org',
        page: { url: 'https://shop.example/item/1', title: 'Air guns for sale' },
        matches: [{ phrase: '气狗', category: 'firearms-explosives', count: 3 }],
        partIds: [visible.partId, snapshot.partId],
      },
    });
    expect(byId(page, 'done-heading').textContent).toBe('reportSaved');
  });

  it('shows a refused submit (evidence no longer stored) in its status line and stays editable', async () => {
    const double = client({ 'report/submit': () => { throw new Error('error_evidence_gone'); } });
    const page = await open(double);
    await submitForm(form(page));
    expect(byId(page, 'form-status').textContent).toBe('error_submit(error_evidence_gone)');
    expect(submitButton(page).disabled).toBe(false);
    expect(page.querySelector('#done-heading')).toBeNull();
  });

  it('opens a right-click draft with its listing and shots, and strips them when the category becomes child-sexual-abuse', async () => {
    const draftId = uuid();
    history.replaceState(null, '', `/popup.html?draft=${draftId}`);
    const listingShot = part('listing');
    const double = client({
      'draft/get': () => ({ draftId, tabId: 7, listing: { text: 'air guns, cash only' }, matches: [{ phrase: 'x', category: 'jammers', count: 2 }], parts: [listingShot] }),
    });
    const page = await open(double);
    expect(double.callsOf('capture/visible')).toEqual([]);
    expect(byId<HTMLSelectElement>(page, 'category').value).toBe('jammers');
    expect(byId(page, 'listing-text').textContent).toBe('air guns, cash only');
    await setValue(byId<HTMLSelectElement>(page, 'category'), 'child-sexual-abuse');
    await submitForm(form(page));
    const [sent] = double.callsOf('report/submit');
    expect(sent?.draft).toMatchObject({ draftId, category: 'child-sexual-abuse', matches: [], partIds: [] });
    expect(sent?.draft.listing).toBeUndefined();
  });

  it('starts with no category on a page without findings, stores nothing, and asks for one on submit', async () => {
    const double = client({ 'tab/context': () => tabContext({ summary: null }) });
    const page = await open(double);
    expect(byId<HTMLSelectElement>(page, 'category').value).toBe('');
    expect(byId(page, 'held-notice').textContent).toBe('heldNotice');
    expect(page.querySelector('[data-part=screenshot]')?.getAttribute('data-stored')).toBe('false');
    await submitForm(form(page));
    expect(double.callsOf('report/submit')).toEqual([]);
    expect(double.callsOf('draft/keep')).toEqual([]);
    expect(byId(page, 'form-status').textContent).toBe('error_no_category');
    expect(byId(page, 'category').getAttribute('aria-invalid')).toBe('true');
    await setValue(byId<HTMLSelectElement>(page, 'category'), 'hacking-tools');
    expect(byId(page, 'form-status').textContent).toBe('');
    expect(double.callsOf('draft/keep')).toHaveLength(1);
    expect(page.querySelector('#held-notice')).toBeNull();
    expect(page.querySelector('[data-part=screenshot]')?.getAttribute('data-stored')).toBe('true');
    await submitForm(form(page));
    expect(double.callsOf('report/submit')[0]?.draft).toMatchObject({ category: 'hacking-tools', partIds: [double.callsOf('draft/keep')[0]?.parts[0]?.partId] });
  });

  it('reports the page\'s address alone from its URL-only button: what was held is dropped, nothing stored or taken after', async () => {
    const double = client({ 'tab/context': () => tabContext({ summary: null }) });
    const page = await open(double);
    await click(byId(page, 'report-url-only'));
    expect(byId<HTMLSelectElement>(page, 'category').value).toBe('child-sexual-abuse');
    expect(byId(page, 'csam-notice')).toBeTruthy();
    expect(page.querySelector('[data-part=screenshot]')).toBeNull();
    expect(double.callsOf('draft/discard')).toHaveLength(1);
    await submitForm(form(page));
    expect(double.callsOf('report/submit')[0]?.draft).toMatchObject({ category: 'child-sexual-abuse', page: { title: '' }, matches: [], partIds: [] });
    expect(double.callsOf('draft/keep')).toEqual([]);
    expect(double.callsOf('capture/visible')).toHaveLength(1);
  });

  it('takes nothing at all for a URL-only draft (the context menu\'s entry)', async () => {
    const draftId = uuid();
    history.replaceState(null, '', `/popup.html?draft=${draftId}`);
    const double = client({ 'draft/get': () => ({ draftId, tabId: 7, matches: [], parts: [], urlOnly: true }), 'settings/get': () => ({ ...defaultSettings(), privacy: { ...defaultSettings().privacy, snapshotByDefault: true } }) });
    const page = await open(double);
    expect(byId<HTMLSelectElement>(page, 'category').value).toBe('child-sexual-abuse');
    expect(double.callsOf('capture/visible')).toEqual([]);
    expect(double.callsOf('capture/snapshot')).toEqual([]);
    expect(submitButton(page).disabled).toBe(false);
    await submitForm(form(page));
    expect(double.callsOf('report/submit')[0]?.draft).toMatchObject({ draftId, category: 'child-sexual-abuse', page: { title: '' }, partIds: [] });
  });

  it('can be used before the page\'s context arrives; the page\'s name, findings and suggested category fill in after', async () => {
    const context = deferred<ReturnType<typeof tabContext>>();
    const double = client({ 'tab/context': () => context.promise });
    const page = await open(double);
    expect(byId<HTMLSelectElement>(page, 'category').value).toBe('');
    expect(byId(page, 'page-url').textContent).toBe('');
    expect(double.callsOf('capture/visible')).toHaveLength(1);
    expect(page.querySelector('#take-full-page')).toBeNull();
    expect(byId(page, 'matches-pending').textContent).toBe('loading');
    expect(submitButton(page).disabled).toBe(true);
    context.resolve(tabContext());
    await settle();
    expect(byId(page, 'page-url').textContent).toBe('https://shop.example/item/1');
    expect(byId<HTMLSelectElement>(page, 'category').value).toBe('firearms-explosives');
    expect(page.querySelector('#take-full-page')).toBeTruthy();
    expect(page.querySelector('#matches-pending')).toBeNull();
    expect(page.querySelector('.matches')).toBeTruthy();
    expect(submitButton(page).disabled).toBe(false);
  });

  it('keeps a category the reporter chose before the page\'s context arrived, rather than the page\'s suggestion', async () => {
    const context = deferred<ReturnType<typeof tabContext>>();
    const double = client({ 'tab/context': () => context.promise });
    const page = await open(double);
    await setValue(byId<HTMLSelectElement>(page, 'category'), 'jammers');
    expect(double.callsOf('draft/keep')[0]?.category).toBe('jammers');
    context.resolve(tabContext());
    await settle();
    expect(byId<HTMLSelectElement>(page, 'category').value).toBe('jammers');
    await submitForm(form(page));
    expect(double.callsOf('report/submit')[0]?.draft).toMatchObject({ category: 'jammers', matches: [{ phrase: '气狗', category: 'firearms-explosives', count: 3 }] });
  });

  it('stays URL-only when its button is pressed before the page\'s context arrives', async () => {
    const context = deferred<ReturnType<typeof tabContext>>();
    const double = client({ 'tab/context': () => context.promise });
    const page = await open(double);
    await click(byId(page, 'report-url-only'));
    context.resolve(tabContext());
    await settle();
    expect(byId<HTMLSelectElement>(page, 'category').value).toBe('child-sexual-abuse');
    expect(page.querySelector('[data-part=screenshot]')).toBeNull();
    await submitForm(form(page));
    expect(double.callsOf('report/submit')[0]?.draft).toMatchObject({ category: 'child-sexual-abuse', page: { title: '' }, matches: [], partIds: [] });
    expect(double.callsOf('draft/keep')).toEqual([]);
  });

  it('is shown before it knows its tab, and takes nothing when child sexual abuse is chosen by then', async () => {
    const tab = deferred<number | null>();
    const double = client();
    root = mount(<ReportForm client={double} targetTab={tab.promise} onShowHistory={() => undefined} />);
    await setValue(byId<HTMLSelectElement>(root, 'category'), 'child-sexual-abuse');
    tab.resolve(7);
    await settle();
    expect(double.callsOf('capture/visible')).toEqual([]);
    expect(byId(root, 'csam-notice')).toBeTruthy();
    expect(byId<HTMLSelectElement>(root, 'category').value).toBe('child-sexual-abuse');
    await submitForm(form(root));
    expect(double.callsOf('report/submit')[0]?.draft).toMatchObject({ category: 'child-sexual-abuse', matches: [], partIds: [] });
  });

  it('says so when it has no tab to report', async () => {
    const double = client();
    root = mount(<ReportForm client={double} targetTab={Promise.resolve(null)} onShowHistory={() => undefined} />);
    await settle();
    expect(root.querySelector('[role=alert]')?.textContent).toBe('error_no_tab');
    expect(submitButton(root).disabled).toBe(true);
    expect(double.calls).toEqual([]);
  });
});
