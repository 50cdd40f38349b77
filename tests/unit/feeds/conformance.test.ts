/**
 * gPodder's podcastparser test feeds (ISC, see their LICENSE) run through Earmark's own parse + map
 * pipeline. A mature peer's expectations beat fixtures we invent. Where Earmark deliberately
 * differs, the difference is spelled out below, next to the comparison it changes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Episode } from '../../../shared/types.js';
import { FeedParser } from '../../../electron/core/feeds/feed-parser.js';
import { readFeed, FeedReadError } from '../../../electron/core/feeds/read-feed.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const suiteDir = path.join(repoRoot, 'tests/fixtures/podcastparser');

interface ExpectedEpisode {
  title: string;
  guid: string;
  link: string;
  total_time: number;
  published: number;
  number?: number;
  season?: number;
  enclosures: { url: string; mime_type: string; file_size: number }[];
  chapters?: { start: number; title: string; href?: string; image?: string }[];
  chapters_json_url?: string;
  episode_art_url?: string;
}
interface ExpectedFeed {
  title: string;
  episodes: ExpectedEpisode[];
  new_url?: string;
}

// Fail loudly rather than skip: the feeds are vendored in the repo, so a missing folder is a broken checkout.
if (!existsSync(suiteDir)) {
  throw new Error(
    `The podcastparser conformance feeds are missing: expected them at ${suiteDir} (vendored in tests/fixtures/podcastparser).`,
  );
}
const names = readdirSync(suiteDir)
  .filter((file) => file.endsWith('.rss'))
  .map((file) => file.slice(0, -'.rss'.length))
  .sort();

const parser = new FeedParser();
afterAll(() => parser.close());

/** podcastparser reads the files as file://tests/data/NAME.rss, which is the base for relative URLs. */
const baseOf = (name: string) => `file://tests/data/${name}.rss`;

/** Feeds Earmark refuses on purpose. */
const refused: Record<string, string> = {
  // A bare <rss><redirect><newLocation> document (no <channel>) is an old, non-standard redirect.
  // Earmark follows HTTP redirects and itunes:new-feed-url only, and reports such a document as not a feed.
  redirect_new_location: 'not an RSS or Atom feed',
};

describe('podcastparser conformance', () => {
  it('finds the suite', () => {
    expect(names.length).toBeGreaterThan(30);
  });

  for (const name of names) {
    it(name, async () => {
      const xml = readFileSync(path.join(suiteDir, `${name}.rss`), 'utf8');
      const expected = JSON.parse(readFileSync(path.join(suiteDir, `${name}.json`), 'utf8')) as ExpectedFeed;
      const params = path.join(suiteDir, `${name}.param.json`);
      const maxEpisodes = existsSync(params)
        ? (JSON.parse(readFileSync(params, 'utf8')) as { max_episodes?: number }).max_episodes
        : undefined;
      const reading = readFeed(parser, xml, { feedId: 'conformance', feedUrl: baseOf(name) });
      if (refused[name]) {
        await expect(reading).rejects.toThrow(FeedReadError);
        await expect(reading).rejects.toThrow(refused[name]);
        return;
      }
      const mapped = await reading;
      // podcastparser drops an untitled item with several enclosures (no single file to name it
      // after). Earmark keeps it: it has a GUID and audio, and takes its title from the file it plays.
      if (name === 'no_title_multi_enclosure') {
        expect(mapped.episodes.map((e) => [e.title, e.enclosure?.url])).toEqual([
          ['test', 'http://example.com/test.mp3'],
        ]);
        return;
      }
      if (expected.new_url) expect(mapped.newFeedUrl).toBe(expected.new_url);

      // max_episodes is a podcastparser call option; Earmark keeps every episode, so compare the first N.
      const episodes = maxEpisodes ? mapped.episodes.slice(0, maxEpisodes) : mapped.episodes;
      expect(episodes).toHaveLength(expected.episodes.length);
      for (const want of expected.episodes) {
        // podcastparser sorts by date; Earmark keeps feed order (the catalogue sorts). Match by title.
        const matches = episodes.filter((e) => e.title === want.title);
        expect(matches, `episode titled ${want.title}`).toHaveLength(1);
        compareEpisode(matches[0] as Episode, want);
      }
    });
  }
});

function compareEpisode(got: Episode, want: ExpectedEpisode): void {
  const label = `episode ${want.title}`;
  // GUID: podcastparser invents one from the link or enclosure when the item has none; Earmark
  // leaves guid absent (the same fallback only feeds the episode id). podcastparser also resolves
  // permalink GUIDs as URLs; Earmark keeps a GUID exactly as written (it is an identifier).
  // Earmark also ignores xml:base (permalink.rss), so only the tail of such a GUID must match.
  if (got.guid === undefined) {
    expect([got.link, got.enclosure?.url], label).toContain(want.guid);
  } else {
    const resolvedAgainstXmlBase = !/^[a-z]+:/i.test(got.guid) && want.guid.endsWith(`/${got.guid}`);
    expect(resolvedAgainstXmlBase ? got.guid : want.guid, label).toBe(got.guid);
  }

  // Link: podcastparser turns a relative permalink GUID ("episode") into a link against the feed's
  // address; Earmark takes a GUID as link only when it is a full http(s) URL, so none here.
  const relativePermalink = got.guid !== undefined && !/^https?:\/\//.test(got.guid) && want.link === want.guid;
  if (relativePermalink && want.link) expect(got.link, label).toBeUndefined();
  else expect(got.link ?? '', label).toBe(want.link);

  expect(got.durationSeconds ?? 0, label).toBe(want.total_time);
  expect(got.publishedAt ? Date.parse(got.publishedAt) / 1000 : 0, label).toBe(want.published);
  expect(got.episodeNumber, label).toBe(want.number ?? undefined);
  expect(got.seasonNumber, label).toBe(want.season ?? undefined);
  if (want.chapters_json_url) expect(got.chaptersUrl, label).toBe(want.chapters_json_url);
  if (want.episode_art_url) expect(got.artwork, label).toBe(want.episode_art_url);

  // Enclosures: Earmark keeps one, the first audio/video one (else the first); podcastparser keeps
  // all. podcastparser writes a missing type as application/octet-stream and a missing size as -1;
  // Earmark leaves both absent.
  const playable = want.enclosures.find((e) => /^(audio|video)\//.test(e.mime_type)) ?? want.enclosures[0];
  if (!playable) {
    expect(got.enclosure, label).toBeUndefined();
  } else {
    expect(got.enclosure, label).toEqual({
      url: playable.url,
      ...(playable.mime_type !== 'application/octet-stream' && { type: playable.mime_type }),
      ...(playable.file_size > 0 && { length: playable.file_size }),
    });
  }

  // Podlove chapters: podcastparser truncates fractional starts to whole seconds; Earmark keeps them.
  if (want.chapters) {
    const chapters = (got.pscChapters ?? []).map((c) => ({ ...c, start: Math.floor(c.start) }));
    expect(chapters, label).toEqual(want.chapters);
  } else {
    expect(got.pscChapters, label).toBeUndefined();
  }
}
