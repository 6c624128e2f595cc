import type { PixelRect } from './crop';

/** PNG work happens here in the extension (OffscreenCanvas), never in the page's main world. */
export async function imageSize(png: Uint8Array): Promise<{ width: number; height: number }> {
  const bitmap = await createImageBitmap(new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }));
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return size;
}

export async function cropPng(png: Uint8Array, rect: PixelRect): Promise<Uint8Array> {
  const bitmap = await createImageBitmap(new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }), rect.x, rect.y, rect.width, rect.height);
  const canvas = new OffscreenCanvas(rect.width, rect.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new Uint8Array(await blob.arrayBuffer());
}
