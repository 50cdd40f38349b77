/**
 * The listening actions the Electron menu offers, with the keys the renderer already answers to.
 * Main builds the menu from this list and sends the chosen command as a `menuCommand` event; the
 * renderer runs the same handler as the key. Pure data, shared by both sides.
 */
export const menuCommands = [
  { command: 'play-pause', label: 'Play/Pause', key: 'Space' },
  { command: 'skip-back', label: 'Skip Back', key: 'Left' },
  { command: 'skip-forward', label: 'Skip Forward', key: 'Right' },
  { command: 'previous-chapter', label: 'Previous Chapter', key: 'Shift+Left' },
  { command: 'next-chapter', label: 'Next Chapter', key: 'Shift+Right' },
  { command: 'new-note', label: 'New Note', key: 'N' },
  { command: 'mark', label: 'Mark What I Just Heard', key: 'M' },
  { command: 'search', label: 'Search', key: '/' },
  { command: 'shortcuts', label: 'Keyboard Shortcuts', key: 'Shift+/' },
] as const;

export type MenuCommand = (typeof menuCommands)[number]['command'];
