let context: AudioContext | null = null;

/**
 * A short two-note chime made with WebAudio (no sound file to ship): two sine tones of 120 ms
 * with a quick fade, quiet. Browsers start audio only after a gesture on the page; until then
 * the chime is silently skipped.
 */
export function playChime(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
    const start = context.currentTime;
    for (const [index, frequency] of [880, 1320].entries()) {
      const at = start + index * 0.13;
      const tone = context.createOscillator();
      const gain = context.createGain();
      tone.type = 'sine';
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.15, at + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.12);
      tone.connect(gain).connect(context.destination);
      tone.start(at);
      tone.stop(at + 0.13);
    }
  } catch {
    // No audio here (or not allowed yet): the notification is enough.
  }
}
