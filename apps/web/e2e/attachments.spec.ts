import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { crc32, deflateSync } from 'node:zlib';
import { messageLog } from './support/chat';
import { signUp } from './support/users';

/** A small RGB PNG of a colour gradient, made here (no binary fixture in the repository). */
function gradientPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      rows.set([(x * 255) / width, (y * 255) / height, 128], y * (width * 3 + 1) + 1 + x * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

test('one browser attaches an image and a PDF in a thread; the other sees the thumbnail, opens it full size and downloads the PDF', async ({
  browser,
}) => {
  const amyContext = await browser.newContext();
  const benContext = await browser.newContext({ acceptDownloads: true });
  const amy = await amyContext.newPage();
  const ben = await benContext.newPage();
  const amyUser = await signUp(amy, 'amy');
  const benUser = await signUp(ben, 'ben');
  await amy.goto(`/u/${benUser.username}`);
  await ben.goto(`/u/${amyUser.username}`);
  await expect(amy.getByRole('textbox', { name: 'Message' })).toBeEnabled();
  await expect(ben.getByRole('textbox', { name: 'Message' })).toBeEnabled();

  // Amy picks two files with the attach button; both upload and wait above the composer.
  const png = gradientPng(640, 320);
  const chooser = amy.waitForEvent('filechooser');
  await amy.getByRole('button', { name: 'Attach files' }).click();
  await (
    await chooser
  ).setFiles([
    { name: 'sunset.png', mimeType: 'image/png', buffer: png },
    { name: 'minutes.pdf', mimeType: 'application/pdf', buffer: PDF },
  ]);
  const pending = amy.getByRole('list', { name: 'Attachments to send' });
  await expect(pending.getByRole('listitem')).toHaveCount(2);
  await expect(pending.getByText('Ready')).toHaveCount(2);
  // A third one, removed again before sending.
  await amy.getByLabel('Files to attach').setInputFiles({
    name: 'oops.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('not this one'),
  });
  await expect(pending.getByRole('listitem')).toHaveCount(3);
  await amy.getByRole('button', { name: /^(Remove|Cancel) oops\.txt$/ }).click();
  await expect(pending.getByRole('listitem')).toHaveCount(2);

  // Dropping a file on the conversation and pasting one into the composer attach them too.
  const dropped = await amy.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['dropped'], 'dropped.txt', { type: 'text/plain' }));
    return transfer;
  });
  await amy.locator('.conversation__main').dispatchEvent('drop', { dataTransfer: dropped });
  await amy.getByRole('textbox', { name: 'Message' }).evaluate((box) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['pasted'], 'pasted.txt', { type: 'text/plain' }));
    box.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  });
  await expect(pending.getByRole('listitem')).toHaveCount(4);
  await expect(pending.getByText('dropped.txt')).toBeVisible();
  await expect(pending.getByText('pasted.txt')).toBeVisible();
  await amy.getByRole('button', { name: /^(Remove|Cancel) dropped\.txt$/ }).click();
  await amy.getByRole('button', { name: /^(Remove|Cancel) pasted\.txt$/ }).click();
  await expect(pending.getByRole('listitem')).toHaveCount(2);

  await amy.getByRole('textbox', { name: 'Message' }).fill('notes from today');
  await amy.getByRole('button', { name: 'Send' }).click();
  await expect(pending).toHaveCount(0);

  // Ben sees the thumbnail, its box reserved at the image's proportions, loaded.
  const log = messageLog(ben);
  const thumbnail = log.getByRole('img', { name: 'sunset.png' });
  await expect(thumbnail).toBeVisible();
  await expect(thumbnail).toHaveAttribute('width', '320');
  await expect(thumbnail).toHaveAttribute('height', '160');
  await expect
    .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(512);
  await expect(log.getByText('oops.txt')).toHaveCount(0);

  // It opens full size in a dialog.
  await log.getByRole('button', { name: 'Open sunset.png full size' }).click();
  const lightbox = ben.getByRole('dialog', { name: 'sunset.png' });
  await expect(lightbox).toBeVisible();
  await expect
    .poll(() =>
      lightbox
        .getByRole('img', { name: 'sunset.png' })
        .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
    )
    .toBe(640);
  await lightbox.getByRole('button', { name: 'Close' }).click();
  await expect(lightbox).toBeHidden();

  // The PDF is a card with its name and size, and downloads with its bytes.
  await expect(log.getByText('minutes.pdf', { exact: true })).toBeVisible();
  await expect(log.getByText(`${PDF.length} bytes`)).toBeVisible();
  const downloading = ben.waitForEvent('download');
  await log.getByRole('link', { name: 'Download minutes.pdf' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('minutes.pdf');
  expect((await readFile(await download.path())).equals(PDF)).toBe(true);

  await amyContext.close();
  await benContext.close();
});
