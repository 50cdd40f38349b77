/** The status line under the show: refreshing, when it last synced, why it could not, what was repaired. */
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

/** Shows that share a cause, counted together instead of repeating the cause once per show. */
function byCause(shows: Feed[], causeOf: (feed: Feed) => string): [string, Feed[]][] {
  const grouped = new Map<string, Feed[]>();
  for (const feed of shows) {
    const cause = sentence(causeOf(feed));
    grouped.set(cause, [...(grouped.get(cause) ?? []), feed]);
  }
  return [...grouped];
}

const nameOf = (feed: Feed) => feed.title || feed.url;

/**
 * One sentence per distinct cause: shows failing for the same reason (the network is down, say)
 * are counted together instead of repeating the reason once per show.
 */
export function failureSentences(feeds: Feed[], failures: Feed[]): string[] {
  return byCause(failures, (feed) => feed.lastError ?? '').map(([cause, shows]) => {
    if (feeds.length === 1) return `Couldn't refresh: ${cause}`;
    if (shows.length === 1) return `Couldn't refresh ${nameOf(shows[0]!)}: ${cause}`;
    return `Couldn't refresh ${shows.length} shows: ${cause}`;
  });
}

/**
 * Shows whose feed is not well-formed XML but was read anyway: what Earmark got past, so a listener
 * (or the publisher) knows why a show note may read oddly, and that no episode was lost to it.
 */
export function repairSentences(feeds: Feed[], repaired: Feed[]): string[] {
  return byCause(repaired, (feed) => feed.readWithRepairs ?? '').map(([cause, shows]) => {
    if (feeds.length === 1) return `Read with repairs: ${cause}`;
    if (shows.length === 1) return `Read ${nameOf(shows[0]!)} with repairs: ${cause}`;
    return `Read ${shows.length} shows with repairs: ${cause}`;
  });
}

export function SyncStatus({ feeds, refreshing, progress, refreshError, snapshot }: SyncStatusProps) {
  const now = useNow();
  const failures = feeds.filter((feed) => feed.lastError);
  const repaired = feeds.filter((feed) => feed.readWithRepairs);
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

  const repairs = refreshing ? [] : repairSentences(feeds, repaired);

  return (
    <p className="sync-status" role="status">
      {summary}
      {errors.map((text) => (
        <span key={text} className="sync-status__error">
          <AlertIcon />
          {text}
        </span>
      ))}
      {repairs.map((text) => (
        <span key={text} className="sync-status__repaired">
          {text}
        </span>
      ))}
    </p>
  );
}
