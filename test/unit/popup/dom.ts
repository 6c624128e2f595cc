import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

/*
 * Rendering helpers for the page tests (happy-dom): mount a component, let its calls and renders
 * settle, and act as the reporter does, by element id.
 */

export function mount(node: ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
  return root;
}

export function unmount(root: HTMLElement): void {
  act(() => render(null, root));
  root.remove();
}

/** Lets every pending reply, state change and render run (replies are a few microtasks away). */
export async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

export function byId<T extends HTMLElement = HTMLElement>(root: ParentNode, id: string): T {
  const element = root.querySelector<T>(`#${id}`);
  if (!element) throw new Error(`no #${id} in ${root instanceof Element ? root.innerHTML : 'the page'}`);
  return element;
}

export async function click(element: HTMLElement): Promise<void> {
  await act(() => element.click());
  await settle();
}

/** Chooses an option or types a value, as the browser reports it (change for selects, input for text). */
export async function setValue(element: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string): Promise<void> {
  await act(() => {
    element.value = value;
    element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
  await settle();
}

export async function submitForm(form: HTMLFormElement): Promise<void> {
  await act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
}
