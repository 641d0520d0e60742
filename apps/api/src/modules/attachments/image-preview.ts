import { LIMITS } from '@chat/contracts';
import sharp from 'sharp';
import { AppError } from '../../common/errors/app-error.js';

export interface ImagePreview {
  width: number;
  height: number;
  /** A webp, its longest side at most LIMITS.thumbnailMaxPx. */
  thumbnail: Buffer;
}

/**
 * Size and thumbnail of an image file. The pixel count is checked from the header before
 * anything is decoded (a decompression bomb is a small file of huge dimensions), and sharp's
 * `limitInputPixels` holds the same line while decoding.
 */
export async function previewImage(path: string, maxPixels: number): Promise<ImagePreview> {
  const refuse = () =>
    new AppError('VALIDATION', 'This image cannot be read or has too many pixels', [
      { path: 'file', message: `must be a readable image of at most ${maxPixels} pixels` },
    ]);
  const metadata = await sharp(path, { limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw refuse();
    });
  const { width, height } = metadata.autoOrient ?? metadata;
  if (!width || !height || width * height > maxPixels) throw refuse();
  const thumbnail = await sharp(path, { limitInputPixels: maxPixels })
    .rotate() // EXIF orientation, as the browser shows the original
    .resize(LIMITS.thumbnailMaxPx, LIMITS.thumbnailMaxPx, {
      fit: 'inside',
      withoutEnlargement: true,
    })
    .webp({ quality: 78 })
    .toBuffer()
    .catch(() => {
      throw refuse();
    });
  return { width, height, thumbnail };
}
