import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A lazily loaded view; `preload()` starts fetching its code before it is shown. */
export type LazyView<P extends object> = ComponentType<P> & { preload(): void };

/**
 * A view whose code is loaded when it is first shown (a dynamic import), so that the report form's
 * bundle does not carry it (README, Performance). Renders nothing until the code is there.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  let loading: Promise<ComponentType<P>> | undefined;
  let loaded: ComponentType<P> | undefined;
  const start = () => {
    loading ??= load().then((component) => (loaded = component));
    loading.catch(() => {
      // Tried again the next time the view is shown.
      loading = undefined;
    });
    return loading;
  };
  function LazyView(props: P) {
    const [View, setView] = useState<ComponentType<P> | undefined>(() => loaded);
    useEffect(() => {
      if (View) return;
      let live = true;
      start().then(
        (component) => live && setView(() => component),
        (error: unknown) => console.warn('tipline: view', error),
      );
      return () => {
        live = false;
      };
    }, []);
    return View ? <View {...props} /> : null;
  }
  return Object.assign(LazyView, { preload: () => void start() });
}
