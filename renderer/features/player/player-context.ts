/** The one player of the window, shared by the bar, the episode view and later features. */
import { createContext, useContext } from 'react';
import type { Player } from './use-player';

export const PlayerContext = createContext<Player | null>(null);

export function usePlayerContext(): Player {
  const player = useContext(PlayerContext);
  if (!player) throw new Error('usePlayerContext needs a PlayerContext provider');
  return player;
}
