/**
 * Draws the toolbar icon (a white alert mark on a blue rounded square) at each size the manifest
 * names, with 4x4 supersampling, and writes real PNGs with node:zlib. Run once when the icon changes.
 */
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const SIZES = [16, 32, 48, 128];
const BLUE = [11, 87, 208];
const WHITE = [255, 255, 255];

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Colour at a point of the unit square, or null for transparent. */
function shade(x: number, y: number): number[] | null {
  const r = 0.2;
  const dx = Math.max(r - x, x - (1 - r), 0);
  const dy = Math.max(r - y, y - (1 - r), 0);
  if (dx * dx + dy * dy > r * r) return null;
  const inBar = Math.abs(x - 0.5) < 0.09 && y > 0.18 && y < 0.62;
  const inDot = (x - 0.5) ** 2 + (y - 0.78) ** 2 < 0.095 ** 2;
  return inBar || inDot ? WHITE : BLUE;
}

function png(size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const samples = 4;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = shade((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          sum[0]! += colour[0]!;
          sum[1]! += colour[1]!;
          sum[2]! += colour[2]!;
          sum[3]! += 255;
        }
      }
      const n = samples * samples;
      const covered = sum[3]! / 255 || 1;
      const offset = y * (size * 4 + 1) + 1 + x * 4;
      raw[offset] = Math.round(sum[0]! / covered);
      raw[offset + 1] = Math.round(sum[1]! / covered);
      raw[offset + 2] = Math.round(sum[2]! / covered);
      raw[offset + 3] = Math.round(sum[3]! / n);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

for (const size of SIZES) {
  writeFileSync(resolve(import.meta.dirname, '..', 'public', 'icons', `icon-${size}.png`), png(size));
}
console.log(`wrote ${SIZES.length} icons`);
