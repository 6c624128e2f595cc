import { useEffect, useState } from 'preact/hooks';
import type { Store } from './store';

/** The store's current state, rendering again whenever it changes. */
export function useStore<S, A>(store: Store<S, A>): S {
  const [, setState] = useState(store.get());
  useEffect(() => {
    const update = () => setState(store.get());
    const unsubscribe = store.subscribe(update);
    // A change between the render and this effect would otherwise go unseen until the next one.
    update();
    return unsubscribe;
  }, [store]);
  return store.get();
}
