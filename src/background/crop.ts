import type { Rect } from '../shared/protocol/messages';

export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Maps a CSS-pixel box to screenshot pixels and clamps it to the shot. The scale is read from the
 * image itself (its width over the viewport's), which is the device pixel ratio the browser really used;
 * the reported ratio is the fallback when the viewport is unknown.
 */
export function cropRect(rect: Rect, viewport: { width: number; height: number }, imageSize: { width: number; height: number }, devicePixelRatio: number): PixelRect | null {
  const scale = viewport.width > 0 ? imageSize.width / viewport.width : devicePixelRatio;
  const left = Math.max(0, Math.floor(rect.x * scale));
  const top = Math.max(0, Math.floor(rect.y * scale));
  const right = Math.min(imageSize.width, Math.ceil((rect.x + rect.width) * scale));
  const bottom = Math.min(imageSize.height, Math.ceil((rect.y + rect.height) * scale));
  if (right - left < 1 || bottom - top < 1) return null;
  return { x: left, y: top, width: right - left, height: bottom - top };
}
