// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../../src/shared/settings';
import type { ListingSummary } from '../../../src/shared/protocol/messages';
import { byId, click, mount, settle, unmount } from './dom';
import { part, tabContext } from './fixtures';

vi.mock('webextension-polyfill', () => import('./english-polyfill'));
vi.mock('../../../src/store/part-store', () => ({ getPart: async () => undefined }));
const { backgroundClientDouble } = await import('../../../src/shared/protocol/ui-client-double');
const { ReportForm } = await import('../../../src/popup/report-form');

const none = { strong: false, weak: false, price: false, contact: false, saleWord: false, quoted: false };
const drugs: ListingSummary = {
  category: 'drugs-precursors',
  reasons: { ...none, weak: true, price: true, contact: true },
  phrases: [{ phrase: 'ketamine', strength: 'weak' }, { phrase: '出售冰毒', strength: 'strong' }, { phrase: 'K粉', strength: 'weak' }],
};
const quoted: ListingSummary = { category: 'firearms-explosives', reasons: { ...none, strong: true, quoted: true }, phrases: [{ phrase: '出售枪支', strength: 'strong' }] };

let root: HTMLElement | null = null;
async function open(listings: ListingSummary[] | undefined, suspectBlocks = listings?.length ?? 0) {
  const summary = { ...tabContext().summary!, suspectBlocks, ...(listings ? { listings } : {}) };
  const double = backgroundClientDouble({
    'settings/get': () => defaultSettings(),
    'tab/context': () => tabContext({ summary }),
    'capture/visible': () => part(),
    'draft/discard': () => ({ removed: 1 }),
  });
  root = mount(<ReportForm client={double} targetTab={Promise.resolve(7)} onShowHistory={() => undefined} />);
  await settle();
  return { page: root, double };
}
const lines = (page: HTMLElement) => [...page.querySelectorAll('#why-list > li')];

afterEach(() => {
  if (root) unmount(root);
  root = null;
});

describe("the report form's reasons for each suspect listing", () => {
  it('says, in English, the category and reasons of each listing, under the phrase list', async () => {
    const { page } = await open([drugs, quoted]);
    const heading = byId(page, 'why-heading');
    expect(heading.tagName).toBe('H3');
    expect(heading.textContent).toBe('Why these listings are suspect');
    // Under the existing phrase list, which stays as it was.
    const matches = page.querySelector('ul.matches')!;
    expect(matches.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(matches.querySelector('button.phrase')?.textContent).toBe('气狗 ×3');
    const [first, second] = lines(page);
    expect(first?.querySelector('.why-line')?.textContent).toBe('Drugs and precursor chemicals: name of the goods (weak word) + price + contact handle');
    expect(second?.querySelector('.why-line')?.textContent).toBe('Firearms, ammunition and explosives: unambiguous phrase (strong) + offer quoted in a report');
    expect(first?.querySelector('.why-cat')?.textContent).toBe('Drugs and precursor chemicals');
  });

  it("says when the offer gate found the listing: it reads as a seller's offer", async () => {
    const read: ListingSummary = { category: 'jammers', reasons: { ...none, weak: true, price: true, read: true }, phrases: [{ phrase: 'jammer', strength: 'weak' }] };
    const { page } = await open([read]);
    expect(lines(page)[0]?.querySelector('.why-line')?.textContent).toBe("Car and signal jammers: name of the goods (weak word) + price + reads as a seller's offer");
  });

  it('sets strong phrases apart from weak ones, in bold and in words', async () => {
    const { page } = await open([drugs]);
    const phrases = lines(page)[0]!.querySelector('.why-phrases')!;
    expect(phrases.textContent).toBe('Strong:出售冰毒 Weak:ketamine, K粉');
    expect([...phrases.querySelectorAll('strong')].map((el) => el.textContent)).toEqual(['出售冰毒']);
  });

  it('names only the category of a listing the worker gave no reasons for', async () => {
    const { page } = await open([{ category: 'bank-cards', phrases: [{ phrase: 'cvv', strength: 'weak' }] }]);
    expect(lines(page)[0]?.querySelector('.why-line')?.textContent).toBe('Bank cards and accounts for sale');
  });

  it('shows five listings first, then all of them, and says how many the summary left out', async () => {
    const { page } = await open(Array.from({ length: 100 }, () => drugs), 130);
    expect(lines(page)).toHaveLength(5);
    expect(byId(page, 'why-show-all').textContent).toBe('Show all 100 listings');
    await click(byId(page, 'why-show-all'));
    expect(lines(page)).toHaveLength(100);
    expect(page.querySelector('#why-show-all')).toBeNull();
    expect(page.querySelector('.why')?.textContent).toContain('30 more suspect listings on the page are not listed here.');
  });

  it('is not there for a summary without listings (a page without suspects, or an older content script)', async () => {
    const { page } = await open(undefined);
    expect(page.querySelector('#why-heading')).toBeNull();
    unmount(page);
    root = (await open([])).page;
    expect(root.querySelector('#why-heading')).toBeNull();
  });
});
