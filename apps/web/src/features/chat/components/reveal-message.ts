import { messageAnchor } from './message-actions';

const FLASH_MS = 1600;

/** Scrolls a message into view, focuses it and flashes it, once React has drawn it. */
export function revealMessage(seq: number): void {
  requestAnimationFrame(() => {
    const element = document.getElementById(messageAnchor(seq));
    if (!element) return;
    element.scrollIntoView?.({ block: 'center' });
    element.focus({ preventScroll: true });
    element.classList.add('message--flash');
    setTimeout(() => element.classList.remove('message--flash'), FLASH_MS);
  });
}
