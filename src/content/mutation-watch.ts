import { isElement, isText } from './node-kind';
import { WRAP_ATTRIBUTE } from './wrap-highlighter';

/** What changed: text, a subtree that was added, or an element that lost children. */
export type ChangeKind = 'text' | 'added' | 'lost-children';
export type Change = [Node, ChangeKind];

export interface MutationWatchOptions {
  signal: AbortSignal;
  /** How long changes gather before one rescan (infinite scroll adds posts in bursts). */
  delayMs: number;
  /** Rescans the gathered changes; it must not reject. Changes that come meanwhile wait for the next one. */
  onChanges: (changes: Change[]) => Promise<void>;
}

export interface MutationWatch {
  /** Watches a subtree (the page's body, a shadow root, a frame's document). */
  observe(root: Node): void;
}

/**
 * Gathers the nodes that changed under the watched roots and hands them over in batches, one rescan
 * at a time, so that a rescan costs in proportion to the change, not to the page (docs/ARCHITECTURE.md).
 * Everything stops with the signal.
 */
export function watchMutations({ signal, delayMs, onChanges }: MutationWatchOptions): MutationWatch {
  const dirty = new Map<Node, ChangeKind>();
  const observers: MutationObserver[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let rescanning = false;

  function onMutations(records: MutationRecord[]) {
    for (const record of records) {
      if (record.type === 'characterData') {
        dirty.set(record.target, 'text');
        continue;
      }
      // Our own wrappers (wrap-highlighter.ts) coming and going are no change to the page's text.
      if ([...record.addedNodes].some(isOurs) || [...record.removedNodes].some(isOurs)) continue;
      if (record.removedNodes.length > 0 && !dirty.has(record.target)) dirty.set(record.target, 'lost-children');
      for (const node of record.addedNodes) dirty.set(node, isText(node) ? 'text' : 'added');
    }
    if (dirty.size > 0 && !timer) timer = setTimeout(flush, delayMs);
  }

  function flush() {
    timer = undefined;
    if (signal.aborted) return;
    if (rescanning) {
      timer = setTimeout(flush, delayMs);
      return;
    }
    const changes = [...dirty];
    dirty.clear();
    rescanning = true;
    void onChanges(changes).finally(() => (rescanning = false));
  }

  signal.addEventListener('abort', () => {
    for (const observer of observers) observer.disconnect();
    if (timer) clearTimeout(timer);
    dirty.clear();
  });

  return {
    observe(root) {
      const observer = new MutationObserver(onMutations);
      observer.observe(root, { childList: true, subtree: true, characterData: true });
      observers.push(observer);
    },
  };
}

function isOurs(node: Node): boolean {
  return isElement(node) && node.hasAttribute(WRAP_ATTRIBUTE);
}
