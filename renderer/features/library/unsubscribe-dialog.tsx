/**
 * Confirms an unsubscribe and, when the show has downloaded episodes, asks what happens to them.
 * Notes and listening positions are always kept (they come back if the listener subscribes again),
 * and the dialog says so. A show with nothing downloaded (the offline snapshot, say) is not asked
 * about downloads it doesn't have; anything half-downloaded goes with it.
 */
import { useId, useState } from 'react';
import type { Feed } from '../../../shared/types';
import { errorText } from '../../api';
import { ModalDialog } from '../../components/modal-dialog';

interface UnsubscribeDialogProps {
  feed?: Feed;
  /** Completed downloads of this show. */
  downloadCount: number;
  onConfirm: (feed: Feed, deleteDownloads: boolean) => Promise<void>;
  onClose: () => void;
}

export function UnsubscribeDialog({ feed, downloadCount, onConfirm, onClose }: UnsubscribeDialogProps) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const confirm = async (deleteDownloads: boolean) => {
    if (!feed) return;
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm(feed, deleteDownloads);
      onClose();
    } catch (failure) {
      setError(`Couldn't unsubscribe: ${errorText(failure)}`);
    } finally {
      setBusy(false);
    }
  };

  const name = feed?.title || feed?.url || 'this show';
  return (
    <ModalDialog
      open={feed !== undefined}
      onOpen={() => setError(undefined)}
      onClose={onClose}
      className="confirm-dialog"
      labelledBy={`${id}-title`}
      describedBy={`${id}-body`}
      closeOnBackdrop={false}
    >
      <h2 id={`${id}-title`}>Unsubscribe from {name}?</h2>
      <div id={`${id}-body`}>
        <p>Its episodes leave your library. Your notes and listening positions are kept.</p>
        {downloadCount > 0 && (
          <p>
            You have {downloadCount} downloaded {downloadCount === 1 ? 'episode' : 'episodes'} of this show. Keep the
            files, or delete them to free the space?
          </p>
        )}
      </div>
      {error && (
        <p className="confirm-dialog__error" role="alert">
          {error}
        </p>
      )}
      <div className="confirm-dialog__actions">
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        {downloadCount > 0 ? (
          <>
            <button type="button" className="button" onClick={() => void confirm(false)} disabled={busy}>
              Keep downloads
            </button>
            <button type="button" className="button button--danger" onClick={() => void confirm(true)} disabled={busy}>
              Delete downloads
            </button>
          </>
        ) : (
          <button type="button" className="button button--danger" onClick={() => void confirm(true)} disabled={busy}>
            Unsubscribe
          </button>
        )}
      </div>
    </ModalDialog>
  );
}
