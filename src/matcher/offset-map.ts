/**
 * Map from normalised units back to source ranges, stored as segments rather than per unit.
 *
 * Most text maps one to one, so a segment records only where that stops being true: after a dropped
 * character, at an NFKC expansion, at a combining cluster or astral character. A per-unit map would
 * cost 8 bytes per character and, for a long page, tens of megabytes of fresh memory whose page
 * faults alone take longer than the normalisation itself.
 *
 * Segment i covers normalised units [norm[i], norm[i+1]). In an identity segment (end = 0) unit k maps
 * to [src + (k - norm), src + (k - norm) + 1); in a group segment every unit maps to [src, end).
 */
export interface OffsetMap {
  /** Source offset where normalised unit `k` starts. */
  sourceStart(k: number): number;
  /** Source offset just after normalised unit `k`. */
  sourceEnd(k: number): number;
  readonly segmentCount: number;
}

const STRIDE = 3;

export class OffsetMapBuilder implements OffsetMap {
  // Small: most normalised strings are phrases and short blocks, and a typed array costs per allocation.
  private seg = new Uint32Array(STRIDE * 4);
  private count = 0;
  // The last segment, mirrored in fields because `add` consults it for every unit.
  private lastNorm = 0;
  private lastSrc = 0;
  private lastEnd = 0;

  /** Empty again, keeping the storage (for a builder reused across many short strings). */
  reset(): void {
    this.count = 0;
    this.reloadLast();
  }

  get segmentCount(): number {
    return this.count;
  }

  /** Record that unit `k` (always the next unit) came from source [s, e). */
  add(k: number, s: number, e: number): void {
    if (this.count > 0) {
      if (e - s === 1) {
        if (this.lastEnd === 0 && this.lastSrc + (k - this.lastNorm) === s) return;
      } else if (this.lastEnd === e && this.lastSrc === s) {
        return;
      }
    }
    this.push(k, s, e - s === 1 ? 0 : e);
  }

  /** Forget units k and after (a dropped separator gap). */
  truncate(k: number): void {
    while (this.count > 0 && (this.seg[STRIDE * (this.count - 1)] ?? 0) >= k) this.count--;
    this.reloadLast();
  }

  sourceStart(k: number): number {
    const i = this.find(k);
    const base = STRIDE * i;
    const norm = this.seg[base] ?? 0;
    const src = this.seg[base + 1] ?? 0;
    return (this.seg[base + 2] ?? 0) === 0 ? src + (k - norm) : src;
  }

  sourceEnd(k: number): number {
    const i = this.find(k);
    const base = STRIDE * i;
    const end = this.seg[base + 2] ?? 0;
    return end === 0 ? (this.seg[base + 1] ?? 0) + (k - (this.seg[base] ?? 0)) + 1 : end;
  }

  /** Last segment starting at or before unit k. */
  private find(k: number): number {
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.seg[STRIDE * mid] ?? 0) <= k) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private push(norm: number, src: number, end: number): void {
    if (STRIDE * (this.count + 1) > this.seg.length) {
      const bigger = new Uint32Array(this.seg.length * 2);
      bigger.set(this.seg);
      this.seg = bigger;
    }
    const base = STRIDE * this.count++;
    this.seg[base] = norm;
    this.seg[base + 1] = src;
    this.seg[base + 2] = end;
    this.lastNorm = norm;
    this.lastSrc = src;
    this.lastEnd = end;
  }

  private reloadLast(): void {
    const base = STRIDE * Math.max(0, this.count - 1);
    this.lastNorm = this.seg[base] ?? 0;
    this.lastSrc = this.seg[base + 1] ?? 0;
    this.lastEnd = this.seg[base + 2] ?? 0;
  }
}
