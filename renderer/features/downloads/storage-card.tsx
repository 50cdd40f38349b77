/** The Downloads view's storage: used in total (against the cap, when there is one) and per show. */
import { formatBytes } from '../../../shared/bytes';

interface StorageCardProps {
  totalBytes: number;
  /** How many episodes are downloaded. */
  downloaded: number;
  /** The storage cap in bytes, when the settings set one. */
  capBytes?: number;
  /** Bytes per show, largest first. */
  perShow: [feedId: string, bytes: number][];
  feedTitle: (feedId: string) => string;
}

export function StorageCard({ totalBytes: total, downloaded, capBytes: cap, perShow, feedTitle }: StorageCardProps) {
  return (
    <section className="storage-card" aria-labelledby="storage-heading">
      <h2 id="storage-heading" className="section-heading">
        Storage
      </h2>
      <p className="storage-card__total">
        <strong>{formatBytes(total)}</strong> used by {downloaded} downloaded{' '}
        {downloaded === 1 ? 'episode' : 'episodes'}
        {cap !== undefined && <span className="muted"> · limit {formatBytes(cap)}</span>}
      </p>
      {cap !== undefined && (
        <div
          className="storage-card__meter"
          role="meter"
          aria-label="Storage used"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.min(100, Math.round((total / cap) * 100))}
          aria-valuetext={`${formatBytes(total)} of ${formatBytes(cap)}`}
        >
          <span style={{ width: `${Math.min(100, (total / cap) * 100)}%` }} />
        </div>
      )}
      {perShow.length > 0 && (
        <ul className="storage-card__shows" aria-label="Storage per show">
          {perShow.map(([feedId, bytes]) => (
            <li key={feedId}>
              <span className="storage-card__show">{feedTitle(feedId)}</span>
              <span className="storage-card__bytes">{formatBytes(bytes)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
