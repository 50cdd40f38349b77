/** The status line under the show: refreshing, when it last synced, or why it could not. */
import { useEffect, useState } from 'react';
import type { Feed } from '../../../shared/types';
import { AlertIcon } from '../../components/icons';
import { formatAgo, formatFull } from '../../lib/dates';

interface SyncStatusProps {
  feeds: Feed[];
  refreshing: boolean;
  /** Several shows refreshing together: how many are done. */
  progress?: { done: number; total: number };
  refreshError?: string;
}

/** Re-render every half minute so "2 minutes ago" does not go stale. */
function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function SyncStatus({ feeds, refreshing, progress, refreshError }: SyncStatusProps) {
  const now = useNow();
  const failures = feeds.filter((feed) => feed.lastError);
  const newest = feeds
    .map((feed) => feed.lastSyncedAt)
    .filter((at): at is string => Boolean(at))
    .sort()
    .at(-1);

  let content;
  if (refreshing) {
    content = (
      <span className="sync-status__refreshing">
        <span className="spinner" aria-hidden="true" />
        {progress ? `Refreshing shows: ${progress.done} of ${progress.total} done…` : 'Refreshing…'}
      </span>
    );
  } else if (refreshError || failures.length > 0) {
    const reason =
      refreshError ??
      (failures.length === 1 || feeds.length === 1
        ? failures[0]!.lastError
        : failures.map((feed) => `${feed.title}: ${feed.lastError}`).join('; '));
    content = (
      <span className="sync-status__error">
        <AlertIcon />
        Couldn't refresh: {reason}
      </span>
    );
  } else if (newest) {
    content = (
      <span>
        Updated{' '}
        <time dateTime={newest} title={formatFull(newest)}>
          {formatAgo(newest, now)}
        </time>
      </span>
    );
  } else {
    content = <span>Not synced yet</span>;
  }

  return (
    <p className="sync-status" role="status">
      {content}
    </p>
  );
}
