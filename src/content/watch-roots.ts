import type { Highlighter } from './highlighter';
import { sameOriginDocument, type WalkContext } from './text-nodes';

export interface RootWatchOptions {
  doc: Document;
  highlighter: Highlighter;
  signal: AbortSignal;
  /** Watches the changes of a root other than `doc`, once per root. */
  observe: (root: Node) => void;
  /** A same-origin frame (re)loaded: its new document's body is to be scanned. */
  onFrameLoad: (body: HTMLElement) => void;
}

/**
 * What a walk does with the shadow roots and same-origin frames it enters: the highlighter's style
 * goes into each, and its changes are watched, which the page's own MutationObserver does not see.
 */
export function watchRoots({ doc, highlighter, signal, observe, onFrameLoad }: RootWatchOptions): Required<WalkContext> {
  const observedRoots = new WeakSet<Node>();
  const frames = new WeakSet<HTMLIFrameElement>();

  const onRoot = (root: ShadowRoot | Document) => {
    // A frame's scan queued before a restart may still walk: it watches nothing new.
    if (signal.aborted) return;
    highlighter.adoptRoot(root);
    if (root !== doc && !observedRoots.has(root)) {
      observedRoots.add(root);
      observe(root);
    }
  };

  /** A frame's document is replaced when it (re)loads, which no MutationObserver of ours sees. */
  const onFrame = (frame: HTMLIFrameElement) => {
    if (frames.has(frame)) return;
    frames.add(frame);
    frame.addEventListener(
      'load',
      () => {
        const frameDoc = sameOriginDocument(frame);
        if (!frameDoc?.body) return;
        onRoot(frameDoc);
        onFrameLoad(frameDoc.body);
      },
      { signal },
    );
  };

  return { onRoot, onFrame };
}
