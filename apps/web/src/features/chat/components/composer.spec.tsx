import { LIMITS } from '@chat/contracts';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Composer } from './composer';

describe('Composer', () => {
  it('sends the trimmed text on Enter and clears the box', async () => {
    const onSend = vi.fn();
    render(<Composer placeholder="Message #general" onSend={onSend} />);
    const box = screen.getByRole('textbox', { name: 'Message' });

    await userEvent.type(box, '  hello there  {Enter}');

    expect(onSend).toHaveBeenCalledWith('hello there', []);
    expect(box).toHaveValue('');
  });

  it('starts a new line on Shift+Enter instead of sending', async () => {
    const onSend = vi.fn();
    render(<Composer placeholder="" onSend={onSend} />);
    const box = screen.getByRole('textbox', { name: 'Message' });

    await userEvent.type(box, 'line one{Shift>}{Enter}{/Shift}line two');

    expect(onSend).not.toHaveBeenCalled();
    expect(box).toHaveValue('line one\nline two');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSend).toHaveBeenCalledWith('line one\nline two', []);
  });

  it('does not send blank messages', async () => {
    const onSend = vi.fn();
    render(<Composer placeholder="" onSend={onSend} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Message' }), '   {Enter}');
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
  });

  it('counts down near the limit and refuses text over it', () => {
    const onSend = vi.fn();
    render(<Composer placeholder="" onSend={onSend} />);
    const box = screen.getByRole('textbox', { name: 'Message' });

    fireEvent.change(box, { target: { value: 'x'.repeat(LIMITS.messageBodyMax - 10) } });
    expect(box).toHaveAccessibleDescription('10 characters left');

    fireEvent.change(box, { target: { value: 'x'.repeat(LIMITS.messageBodyMax + 5) } });
    expect(box).toHaveAccessibleDescription('5 characters over the 4000 limit');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
  });

  it('is disabled with the reason when posting is not possible', () => {
    render(<Composer placeholder="" onSend={() => undefined} disabledReason="Log in to post." />);
    const box = screen.getByRole('textbox', { name: 'Message' });
    expect(box).toBeDisabled();
    expect(box).toHaveAccessibleDescription('Log in to post.');
  });

  it('sends files without text once they are uploaded, and holds the message while one is uploading', async () => {
    const onSend = vi.fn();
    const uploads = (status: 'uploading' | 'ready') => ({
      items: [
        {
          localId: 'u1',
          name: 'a.pdf',
          size: 10,
          progress: status === 'ready' ? 1 : 0.5,
          status,
        },
      ],
      add: vi.fn(),
      remove: vi.fn(),
      clear: vi.fn(),
      readyIds: status === 'ready' ? ['id-1'] : [],
      busy: status === 'uploading',
    });
    const { rerender } = render(
      <Composer placeholder="Message" onSend={onSend} uploads={uploads('uploading')} />,
    );
    expect(screen.getByRole('progressbar', { name: 'Uploading a.pdf' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send' }).hasAttribute('disabled')).toBe(true);
    const ready = uploads('ready');
    rerender(<Composer placeholder="Message" onSend={onSend} uploads={ready} />);
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSend).toHaveBeenCalledWith('', ['id-1']);
    expect(ready.clear).toHaveBeenCalled();
  });
});
