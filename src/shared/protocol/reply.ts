/** Replies never reject: rejections do not cross contexts reliably. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

export function ok<T>(data: T): Reply<T> {
  return { ok: true, data };
}

export function fail(error: string): Reply<never> {
  return { ok: false, error };
}
