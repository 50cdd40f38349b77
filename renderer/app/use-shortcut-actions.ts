/**
 * What the keyboard shortcuts and the app menu's listening commands do in the shell (the keys are
 * use-shortcuts.ts and use-space-toggle.ts): N opens the episode shown or playing with its note box
 * ready, M marks what was just heard, Space and the arrows drive the player, ? lists the shortcuts.
 */
import { useCallback, useState } from 'react';
import type { Settings } from '../../shared/types';
import type { ShowToast } from '../components/toast-context';
import type { ChapterNavigation } from '../features/chapters/use-chapter-navigation';
import { useMark } from '../features/notes/use-mark';
import type { Player } from '../features/player/use-player';
import { useShortcuts } from './use-shortcuts';
import { useSpaceToggle } from './use-space-toggle';
import type { View } from './use-view';

interface ShortcutActionsOptions {
  view: View;
  player: Player;
  navigation: ChapterNavigation;
  settings: Settings;
  dialogOpen: boolean;
  openEpisode: (id: string) => void;
  openShortcuts: () => void;
  showToast: ShowToast;
}

/** Returns the episode whose note box N asked for, and how to say it has been focused. */
export function useShortcutActions({
  view,
  player,
  navigation,
  settings,
  dialogOpen,
  openEpisode,
  openShortcuts,
  showToast,
}: ShortcutActionsOptions) {
  useSpaceToggle(Boolean(player.episode) && !dialogOpen, player.toggle);
  const mark = useMark(settings.markBackSeconds, showToast);
  const [composeFor, setComposeFor] = useState<string>();
  const clearCompose = useCallback(() => setComposeFor(undefined), []);

  useShortcuts({
    note: () => {
      const target = view.name === 'episode' ? view.id : player.episode?.id;
      if (!target || dialogOpen) return;
      openEpisode(target);
      setComposeFor(target);
    },
    mark: () => {
      if (dialogOpen) return;
      if (player.episode) void mark(player.episode.id, player.now());
      else showToast({ text: 'Play an episode to mark a moment in it' });
    },
    previousChapter: navigation.previous,
    nextChapter: navigation.next,
    search: () => document.querySelector<HTMLInputElement>('input[type="search"]')?.focus(),
    skipBack: () => !dialogOpen && player.episode && player.skip(-settings.skipBackSeconds),
    skipForward: () => !dialogOpen && player.episode && player.skip(settings.skipForwardSeconds),
    help: () => !dialogOpen && openShortcuts(),
    playPause: () => player.episode && player.toggle(),
  });

  return { composeFor, clearCompose };
}
