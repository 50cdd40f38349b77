/**
 * The shell's dialogs: Settings, Keyboard shortcuts and "Unsubscribe from <show>?". Which one is
 * open is the shell's state (`useAppDialogs`): the top bar and the library open them, and the
 * shortcuts stay quiet while one is open.
 */
import { useState } from 'react';
import type { Feed } from '../../shared/types';
import { api } from '../api';
import { useToast } from '../components/toast-context';
import { useDownloads } from '../features/downloads/downloads-context';
import { UnsubscribeDialog } from '../features/library/unsubscribe-dialog';
import type { Library } from '../features/library/use-library';
import { SettingsDialog } from '../features/settings/settings-dialog';
import { ShortcutsDialog } from './shortcuts-dialog';

export function useAppDialogs() {
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [unsubscribing, setUnsubscribing] = useState<Feed>();
  return {
    settingsOpen,
    setSettingsOpen,
    shortcutsOpen,
    setShortcutsOpen,
    /** The show whose unsubscribe is being confirmed. */
    unsubscribing,
    setUnsubscribing,
    anyOpen: settingsOpen || shortcutsOpen || unsubscribing !== undefined,
  };
}

export type AppDialogState = ReturnType<typeof useAppDialogs>;

export function AppDialogs({ dialogs, library }: { dialogs: AppDialogState; library: Library }) {
  const toast = useToast();
  const downloads = useDownloads();
  const { unsubscribing } = dialogs;

  const unsubscribe = async (feed: Feed, deleteDownloads: boolean) => {
    const result = await api.unsubscribe({ feedId: feed.id, deleteDownloads });
    await library.reload();
    const files = deleteDownloads && result.removedDownloads > 0 ? ` and ${result.removedDownloads} downloads` : '';
    toast({ text: `Unsubscribed from ${feed.title || feed.url}${files}. Your notes are kept.` });
  };
  const unsubscribingDownloads = unsubscribing
    ? [...downloads.byId.values()].filter((d) => d.feedId === unsubscribing.id && d.state === 'completed').length
    : 0;

  return (
    <>
      <SettingsDialog
        open={dialogs.settingsOpen}
        feeds={library.feeds}
        onClose={() => dialogs.setSettingsOpen(false)}
        onLibraryChanged={() => void library.reload()}
      />

      <ShortcutsDialog open={dialogs.shortcutsOpen} onClose={() => dialogs.setShortcutsOpen(false)} />

      <UnsubscribeDialog
        feed={unsubscribing}
        downloadCount={unsubscribingDownloads}
        onConfirm={unsubscribe}
        onClose={() => dialogs.setUnsubscribing(undefined)}
      />
    </>
  );
}
