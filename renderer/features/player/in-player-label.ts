/**
 * What a row says about the episode in the player: "Now playing" only while it plays. A paused
 * episode and one whose audio failed said "Now playing" too, which told the listener something false.
 * An episode only opened (its page loads it into the player) and never started says nothing here:
 * it is still new, and its row says so.
 */
export function inPlayerWords(playing: boolean, failed: boolean, started: boolean): string | undefined {
  if (failed) return "Couldn't play";
  if (playing) return 'Now playing';
  return started ? 'Paused' : undefined;
}
