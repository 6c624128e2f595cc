import type { getPart } from '../store/part-store';

/**
 * Reads a captured part straight from the extension's own database (same origin, read only: large
 * evidence never rides on messages, docs/ARCHITECTURE.md). The store's code (idb, the database's
 * upgrades, the records' zod schemas) is loaded on the first read, not with the form (README, Performance).
 */
export async function readPart(id: string): ReturnType<typeof getPart> {
  const store = await import('../store/part-store');
  return store.getPart(id);
}
