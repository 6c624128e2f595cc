import { CATEGORY_COLOURS, type Category } from '../shared/taxonomy';
import { isDocument } from './node-kind';

export interface HighlightSpan {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
  category: Category;
  /** In a suspect listing (strong marking) or a stray weak word (faint marking). */
  suspect: boolean;
}

const PREFIX = 'tipline-';
const WEAK = `${PREFIX}weak`;

/** Readable on light and dark pages: a mid-tone background, with the page's own text colour kept dark. */
export function highlightCss(): string {
  const rules = Object.entries(CATEGORY_COLOURS).map(
    ([category, colour]) =>
      `::highlight(${PREFIX}${category}) { background-color: ${colour}; color: #111; text-decoration: underline 2px solid #b00020; }`,
  );
  rules.push(`::highlight(${WEAK}) { text-decoration: underline 1px dotted #b26a00; }`);
  return rules.join('\n');
}

export interface Highlighter {
  /** Replaces the highlights of one block. */
  set(block: Element, spans: readonly HighlightSpan[]): void;
  remove(block: Element): void;
  /** Adds the style to a shadow root or frame, which the document's sheet does not reach. */
  adoptRoot(root: ShadowRoot | Document): void;
  rangeFor(phrasePredicate: (text: string) => boolean): Range | null;
  clear(): void;
}

type HighlightWindow = Window & typeof globalThis;

/**
 * CSS Custom Highlight API: no DOM mutation, so pages and their frameworks never see our marks.
 * Each window has its own highlight registry and constructed sheets cannot cross documents, so a
 * same-origin frame gets its own of both. `styleTop` puts the colours into the scanned document itself
 * (the worker inserts highlight.css there, src/background/inject-scanner.ts); it is called once, when
 * that document's first highlight is made, so that a page without findings gets no stylesheet.
 */
export function createCssHighlighter(top: Document, styleTop: () => void): Highlighter {
  const sheets = new Map<Document, CSSStyleSheet>();
  const roots = new Set<ShadowRoot | Document>();
  const perBlock = new Map<Element, { entries: { highlight: Highlight; range: Range }[]; painted: boolean }>();
  const registries = new Map<Document, Map<string, Highlight>>();

  /*
   * A block's ranges join the page's highlights only once it comes near the viewport. Chromium redoes
   * the markers of every registered range whenever any highlight changes (PrePaint grew to 50 ms a frame
   * on a page of 3,000 listings painted as they were found); ranges near the viewport stay few.
   */
  let observer: IntersectionObserver | undefined;
  function paintWhenNear(block: Element) {
    observer ??= new IntersectionObserver(
      (records) => {
        for (const record of records) {
          if (!record.isIntersecting) continue;
          observer?.unobserve(record.target);
          const state = perBlock.get(record.target);
          if (!state || state.painted) continue;
          state.painted = true;
          for (const { highlight: owner, range } of state.entries) owner.add(range);
        }
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(block);
  }

  function sheetFor(owner: Document): CSSStyleSheet | null {
    let sheet = sheets.get(owner);
    const win = owner.defaultView as HighlightWindow | null;
    if (!sheet && win) {
      sheet = new win.CSSStyleSheet();
      sheet.replaceSync(highlightCss());
      sheets.set(owner, sheet);
    }
    return sheet ?? null;
  }

  /**
   * Shadow trees and same-origin frames are out of the inserted sheet's reach and small: they adopt a
   * sheet of their own, a frame's document with its first highlight (highlight() below).
   */
  function adoptRoot(root: ShadowRoot | Document) {
    if (!isDocument(root)) adopt(root);
  }

  function adopt(root: ShadowRoot | Document) {
    if (root === top || roots.has(root)) return;
    const owner = isDocument(root) ? root : root.ownerDocument;
    const sheet = sheetFor(owner);
    if (!sheet) return;
    roots.add(root);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  function highlight(owner: Document, name: string): Highlight | null {
    let registry = registries.get(owner);
    if (!registry) registries.set(owner, (registry = new Map()));
    let existing = registry.get(name);
    const win = owner.defaultView as HighlightWindow | null;
    if (!existing && win && 'highlights' in win.CSS) {
      // The colours come with the first highlight, not before: adding a sheet makes the browser
      // recalculate the page's style, which a page without findings need not pay.
      if (registry.size === 0) {
        if (owner === top) styleTop();
        else adopt(owner);
      }
      existing = new win.Highlight();
      // Suspect listings paint over stray weak words.
      existing.priority = name === WEAK ? 0 : 1;
      registry.set(name, existing);
      win.CSS.highlights.set(name, existing);
    }
    return existing ?? null;
  }

  function remove(block: Element) {
    const state = perBlock.get(block);
    if (!state) return;
    if (state.painted) for (const { highlight: owner, range } of state.entries) owner.delete(range);
    else observer?.unobserve(block);
    perBlock.delete(block);
  }

  return {
    adoptRoot,
    remove,
    set(block, spans) {
      remove(block);
      if (spans.length === 0) return;
      const entries: { highlight: Highlight; range: Range }[] = [];
      for (const span of spans) {
        const owner = span.startNode.ownerDocument;
        const target = highlight(owner, span.suspect ? `${PREFIX}${span.category}` : WEAK);
        if (!target) continue;
        const range = owner.createRange();
        range.setStart(span.startNode, span.startOffset);
        range.setEnd(span.endNode, span.endOffset);
        entries.push({ highlight: target, range });
      }
      if (entries.length === 0) return;
      perBlock.set(block, { entries, painted: false });
      paintWhenNear(block);
    },
    rangeFor(predicate) {
      for (const { entries } of perBlock.values()) {
        for (const { range } of entries) if (predicate(range.toString())) return range;
      }
      return null;
    },
    clear() {
      observer?.disconnect();
      observer = undefined;
      for (const [owner, registry] of registries) {
        const win = owner.defaultView as HighlightWindow | null;
        for (const name of registry.keys()) win?.CSS.highlights.delete(name);
      }
      registries.clear();
      perBlock.clear();
      for (const root of roots) {
        const owner = isDocument(root) ? root : root.ownerDocument;
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((sheet) => sheet !== sheets.get(owner));
      }
      roots.clear();
    },
  };
}

/** Keeps findings without painting anything: stealth mode, where a page must see no trace of us. */
export function createInvisibleHighlighter(): Highlighter {
  const perBlock = new Map<Element, Range[]>();
  return {
    adoptRoot() {},
    set(block, spans) {
      perBlock.set(
        block,
        spans.map((span) => {
          const range = new Range();
          range.setStart(span.startNode, span.startOffset);
          range.setEnd(span.endNode, span.endOffset);
          return range;
        }),
      );
    },
    remove(block) {
      perBlock.delete(block);
    },
    rangeFor(predicate) {
      for (const ranges of perBlock.values()) for (const range of ranges) if (predicate(range.toString())) return range;
      return null;
    },
    clear() {
      perBlock.clear();
    },
  };
}

export function supportsCssHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}
