import type { Attachment } from '@chat/contracts';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatSize } from '../api/upload';
import { MessageAttachments } from './message-attachments';

const image: Attachment = {
  id: 'a1',
  name: 'wide.png',
  size: 2048,
  contentType: 'image/png',
  width: 1600,
  height: 800,
  url: '/api/attachments/a1?exp=1&sig=s',
  thumbUrl: '/api/attachments/a1/thumb?exp=1&sig=t',
};
const pdf: Attachment = {
  id: 'a2',
  name: 'notes.pdf',
  size: 1_500_000,
  contentType: 'application/pdf',
  url: '/api/attachments/a2?exp=1&sig=u',
};

describe('MessageAttachments', () => {
  it('shows an image as its thumbnail with the box reserved at its proportions', () => {
    render(<MessageAttachments attachments={[image]} />);
    const thumbnail = screen.getByRole('img', { name: 'wide.png' });
    expect(thumbnail.getAttribute('src')).toBe(image.thumbUrl);
    expect([thumbnail.getAttribute('width'), thumbnail.getAttribute('height')]).toEqual([
      '320',
      '160',
    ]);
    expect(screen.getByRole('button', { name: 'Open wide.png full size' })).toBeTruthy();
  });

  it('shows any other file as a card with its name, size and a download link', () => {
    render(<MessageAttachments attachments={[pdf]} />);
    expect(screen.getByText('notes.pdf')).toBeTruthy();
    expect(screen.getByText('1.5 MB')).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Download notes.pdf' });
    expect(link.getAttribute('href')).toBe(pdf.url);
    expect(link.getAttribute('download')).toBe('notes.pdf');
  });

  it('renders nothing without attachments', () => {
    const { container } = render(<MessageAttachments attachments={[]} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('formatSize', () => {
  it.each([
    [12, '12 bytes'],
    [340_000, '340 KB'],
    [1_234_567, '1.2 MB'],
  ])('%d → %s', (bytes, text) => expect(formatSize(bytes)).toBe(text));
});
