import { describe, expect, it } from 'vitest';
import { cropRect } from '../../../src/background/crop';

const viewport = { width: 1000, height: 800 };

describe('cropRect', () => {
  it('maps CSS pixels one to one at device pixel ratio 1', () => {
    expect(cropRect({ x: 10, y: 20, width: 300, height: 150 }, viewport, { width: 1000, height: 800 }, 1)).toEqual({ x: 10, y: 20, width: 300, height: 150 });
  });

  it('doubles everything at device pixel ratio 2, reading the scale from the image', () => {
    expect(cropRect({ x: 10.5, y: 20, width: 300, height: 150 }, viewport, { width: 2000, height: 1600 }, 2)).toEqual({ x: 21, y: 40, width: 600, height: 300 });
  });

  it('clamps a listing larger than the viewport to the shot', () => {
    expect(cropRect({ x: -50, y: -100, width: 2000, height: 3000 }, viewport, { width: 1000, height: 800 }, 1)).toEqual({ x: 0, y: 0, width: 1000, height: 800 });
  });

  it('gives nothing for zero-size or off-screen boxes', () => {
    expect(cropRect({ x: 10, y: 10, width: 0, height: 0 }, viewport, { width: 1000, height: 800 }, 1)).toBeNull();
    expect(cropRect({ x: 10, y: 900, width: 100, height: 100 }, viewport, { width: 1000, height: 800 }, 1)).toBeNull();
  });
});
