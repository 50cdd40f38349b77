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
  /** The episodes come from the copy shipped with the app: say so instead of when it last synced. */
  snapshot?: boolean;
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

/** A sentence ends in a stop; the service's causes usually do, a few may not. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * One sentence per distinct cause: shows failing for the same reason (the network is down, say)
 * are counted together instead of repeating the reason once per show.
 */
export function failureSentences(feeds: Feed[], failures: Feed[]): string[] {
  const byCause = new Map<string, Feed[]>();
  for (const feed of failures) {
    const cause = sentence(feed.lastError ?? '');
    byCause.set(cause, [...(byCause.get(cause) ?? []), feed]);
  }
  return [...byCause].map(([cause, shows]) => {
    if (feeds.length === 1) return `Couldn't refresh: ${cause}`;
    if (shows.length === 1) return `Couldn't refresh ${shows[0]!.title || shows[0]!.url}: ${cause}`;
    return `Couldn't refresh ${shows.length} shows: ${cause}`;
  });
}

export function SyncStatus({ feeds, refreshing, progress, refreshError, snapshot }: SyncStatusProps) {
  const now = useNow();
  const failures = feeds.filter((feed) => feed.lastError);
  const newest = feeds
    .map((feed) => feed.lastSyncedAt)
    .filter((at): at is string => Boolean(at))
    .sort()
    .at(-1);

  let summary;
  if (refreshing) {
    summary = (
      <span className="sync-status__refreshing">
        <span className="spinner" aria-hidden="true" />
        {progress ? `Refreshing shows: ${progress.done} of ${progress.total} done…` : 'Refreshing…'}
      </span>
    );
  } else if (snapshot) {
    summary = <span>These episodes are a copy saved with the app and may be out of date.</span>;
  } else if (newest) {
    summary = (
      <span>
        Updated{' '}
        <time dateTime={newest} title={formatFull(newest)}>
          {formatAgo(newest, now)}
        </time>
      </span>
    );
  } else {
    summary = <span>Not synced yet</span>;
  }

  // Failures stay beside "Updated …" (what the list shows is still that fresh); while a refresh
  // runs they are about to be replaced, so they wait.
  const errors = refreshing
    ? []
    : refreshError
      ? [`Couldn't refresh: ${sentence(refreshError)}`]
      : failureSentences(feeds, failures);

  return (
    <p className="sync-status" role="status">
      {summary}
      {errors.map((text) => (
        <span key={text} className="sync-status__error">
          <AlertIcon />
          {text}
        </span>
      ))}
    </p>
  );
}
