import type { Listing } from '../shared/report';

const MAX_TEXT = 5000;

function httpUrl(value: string | null | undefined, base: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Visible text, whitespace folded, bounded: what a person sees of the listing. */
export function visibleText(container: Element): string {
  const raw = (container as HTMLElement).innerText ?? container.textContent ?? '';
  return raw.replace(/[ \t\f\v\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim().slice(0, MAX_TEXT);
}

/** The listing's main link: the clicked one if any, else the first real link (titles come first). */
function mainLink(container: Element, hint: string | undefined, base: string): string | undefined {
  const fromHint = httpUrl(hint, base);
  if (fromHint) return fromHint;
  if (container.tagName === 'A') return httpUrl(container.getAttribute('href'), base);
  for (const anchor of container.querySelectorAll('a[href]')) {
    const url = httpUrl(anchor.getAttribute('href'), base);
    if (url && !url.startsWith(`${base.split('#')[0]}#`)) return url;
  }
  return undefined;
}

/** The largest image is the product photo more often than the first (which is often an avatar). */
function mainImage(container: Element, hint: string | undefined, base: string): string | undefined {
  const fromHint = hint && !hint.startsWith('data:') ? httpUrl(hint, base) : undefined;
  if (fromHint) return fromHint;
  let best: { url: string; area: number } | undefined;
  for (const image of container.querySelectorAll('img')) {
    const url = httpUrl(image.currentSrc || image.getAttribute('src'), base);
    if (!url) continue;
    const area = (image.naturalWidth || image.width) * (image.naturalHeight || image.height);
    if (!best || area > best.area) best = { url, area };
  }
  return best?.url;
}

export function extractListing(
  container: Element,
  hints: { linkUrl?: string; srcUrl?: string; selectionText?: string },
  base: string,
): Listing {
  const selection = (hints.selectionText ?? container.ownerDocument.getSelection()?.toString() ?? '').trim().slice(0, MAX_TEXT);
  const listing: Listing = { text: visibleText(container) };
  const linkUrl = mainLink(container, hints.linkUrl, base);
  const imageUrl = mainImage(container, hints.srcUrl, base);
  if (linkUrl) listing.linkUrl = linkUrl;
  if (imageUrl) listing.imageUrl = imageUrl;
  if (selection) listing.selection = selection;
  return listing;
}
