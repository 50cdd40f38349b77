/** The top bar: the brand (back to the library), search, Up next, Downloads, shortcuts and settings. */
import type { SearchHit } from '../../shared/types';
import { DownloadIcon, KeyboardIcon, QueueIcon, SettingsIcon } from '../components/icons';
import { useDownloads } from '../features/downloads/downloads-context';
import { SearchBox } from '../features/search/search-box';
import type { View } from './use-view';

interface TopBarProps {
  view: View['name'];
  /** Episodes in Up next. */
  queued: number;
  onLibrary: () => void;
  onSearchHit: (episodeId: string, hit: SearchHit) => void;
  onQueue: () => void;
  onDownloads: () => void;
  onShortcuts: () => void;
  onSettings: () => void;
}

export function TopBar({
  view,
  queued,
  onLibrary,
  onSearchHit,
  onQueue,
  onDownloads,
  onShortcuts,
  onSettings,
}: TopBarProps) {
  return (
    <header className="top-bar">
      <button type="button" className="brand" onClick={onLibrary} aria-label="Earmark library">
        <span className="brand__mark" aria-hidden="true" />
        <span className="brand__name" aria-hidden="true">
          Earmark
        </span>
      </button>
      <SearchBox onOpen={onSearchHit} />
      <div className="top-bar__actions">
        <button
          type="button"
          className="button button--quiet top-bar__queue"
          aria-current={view === 'queue' ? 'page' : undefined}
          aria-describedby={queued > 0 ? 'queue-count' : undefined}
          onClick={onQueue}
        >
          <QueueIcon />
          Up next
          {queued > 0 && (
            <span className="top-bar__badge top-bar__badge--quiet" aria-hidden="true">
              {queued}
            </span>
          )}
        </button>
        {queued > 0 && (
          <span id="queue-count" className="visually-hidden">
            {queued === 1 ? '1 episode queued' : `${queued} episodes queued`}
          </span>
        )}
        <DownloadsButton current={view === 'downloads'} onOpen={onDownloads} />
        <button
          type="button"
          className="icon-button"
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          onClick={onShortcuts}
        >
          <KeyboardIcon />
        </button>
        <button type="button" className="icon-button" aria-label="Settings" onClick={onSettings}>
          <SettingsIcon />
        </button>
      </div>
    </header>
  );
}

/**
 * The header's way to the Downloads view; a count shows while something downloads. The button's
 * name stays exactly "Downloads" (the count is a description, outside the name).
 */
function DownloadsButton({ current, onOpen }: { current: boolean; onOpen: () => void }) {
  const { byId } = useDownloads();
  const active = [...byId.values()].filter((d) => d.state === 'downloading' || d.state === 'queued').length;
  return (
    <>
      <button
        type="button"
        className="button button--quiet top-bar__downloads"
        aria-current={current ? 'page' : undefined}
        aria-describedby={active > 0 ? 'downloads-active' : undefined}
        onClick={onOpen}
      >
        <DownloadIcon />
        Downloads
        {active > 0 && (
          <span className="top-bar__badge" aria-hidden="true">
            {active}
          </span>
        )}
      </button>
      {active > 0 && (
        <span id="downloads-active" className="visually-hidden">
          {active === 1 ? '1 episode downloading' : `${active} episodes downloading`}
        </span>
      )}
    </>
  );
}
