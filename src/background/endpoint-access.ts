import browser from 'webextension-polyfill';
import { endpointAccessPattern } from '../shared/endpoint-access';

/** Whether the browser lets the worker reach the endpoint now (docs/SECURITY.md, "Site access"). */
export async function hasEndpointAccess(url: string): Promise<boolean> {
  const pattern = endpointAccessPattern(url);
  if (!pattern) return false;
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch {
    // A browser that cannot answer is not a reason to hold reports back: the send says what happens.
    return true;
  }
}
