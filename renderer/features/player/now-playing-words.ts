/**
 * What a row says about the episode in the player: "Now playing" only while it plays. A paused
 * episode and one whose audio failed said "Now playing" too, which told the listener something false.
 */
export function inPlayerWords(playing: boolean, failed: boolean): string {
  if (failed) return "Couldn't play";
  return playing ? 'Now playing' : 'Paused';
}
