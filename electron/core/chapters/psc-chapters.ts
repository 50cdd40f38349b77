import type { Chapter, Episode } from '../../../shared/types.js';
import { dropUndefined } from '../objects.js';
import { webUrl } from './web-url.js';

/**
 * Podlove Simple Chapters as the feed mapping left them on the episode (start already parsed from
 * Normal Play Time). Re-sorted here too: episodes stored by an older mapping may not be.
 */
export function chaptersFromPsc(episode: Pick<Episode, 'pscChapters'>): Chapter[] {
  const chapters = (episode.pscChapters ?? [])
    .filter((c) => Number.isFinite(c.start) && c.start >= 0)
    .map((c) =>
      dropUndefined({
        start: c.start,
        title: c.title.trim(),
        href: webUrl(c.href),
        image: webUrl(c.image),
        source: 'psc' as const,
      }),
    );
  return chapters.sort((a, b) => a.start - b.start);
}
