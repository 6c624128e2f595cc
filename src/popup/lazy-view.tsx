import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A view whose code is loaded when it is first shown (a dynamic import), so that the report form's
 * bundle does not carry it (README, Performance). Renders nothing until the code is there.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loading: Promise<ComponentType<P>> | undefined;
  let loaded: ComponentType<P> | undefined;
  return function LazyView(props: P) {
    const [View, setView] = useState<ComponentType<P> | undefined>(() => loaded);
    useEffect(() => {
      if (View) return;
      let live = true;
      loading ??= load().then((component) => (loaded = component));
      loading.then(
        (component) => live && setView(() => component),
        (error: unknown) => {
          // Tried again the next time the view is shown.
          loading = undefined;
          console.warn('tipline: view', error);
        },
      );
      return () => {
        live = false;
      };
    }, []);
    return View ? <View {...props} /> : null;
  };
}
