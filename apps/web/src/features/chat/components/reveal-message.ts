import { messageAnchor } from './message-actions';

const FLASH_MS = 1600;
/** The query cache tells React a frame or so after the data lands: wait about a second at most. */
const FRAMES_TO_WAIT = 60;

/** Scrolls a message into view, focuses it and flashes it, once React has drawn it. */
export function revealMessage(seq: number, framesLeft = FRAMES_TO_WAIT): void {
  requestAnimationFrame(() => {
    const element = document.getElementById(messageAnchor(seq));
    if (!element) {
      if (framesLeft > 0) revealMessage(seq, framesLeft - 1);
      return;
    }
    element.scrollIntoView?.({ block: 'center' });
    element.focus({ preventScroll: true });
    element.classList.add('message--flash');
    setTimeout(() => element.classList.remove('message--flash'), FLASH_MS);
  });
}
