/**
 * Edges of listening in the real browser host (issue 12): the sleep timer's "End of chapter" stops
 * at the chapter's end, not after it; the player shows the playing chapter's own picture; a playback
 * error's whole sentence is a notice, once; choosing a speed for a show whose speed is pinned moves
 * the pin and says so.
 */
import { button, openEpisode, seekPosition, seekTo, waitForPosition } from '../../support/earmark-ui.js';
import { episodeRow, player } from '../../support/daily-ui.js';
import { fixtureEpisodes, fixtureFeedXml, fixtureShowTitle } from '../../support/fixture-feed.js';
import { ensureFixtureArtwork } from '../../support/fixture-media.js';
import { chapterButton, chapterList, playing } from '../../support/notes-ui.js';
import { expect, test } from './fixtures.js';

test('Sleep timer "End of chapter" pauses at the chapter\'s end, not in the next chapter', async ({ page }) => {
  // Chapters from the show notes: 0:00 Intro, 1:38 Socket vs Connections, 3:05 Wrapping up.
  await openEpisode(page, fixtureEpisodes.sockets);
  await expect(chapterList(page).getByRole('listitem')).toHaveCount(3);
  await button(page, 'Listen now').click();
  await expect(playing(page)).toBeVisible();

  await button(page, 'Sleep timer').click();
  const menu = page.getByRole('menu', { name: 'Sleep timer', exact: true });
  await menu.getByRole('menuitemradio', { name: 'End of chapter', exact: true }).click();
  await expect(menu).toHaveCount(0);
  await expect(button(page, 'Sleep timer')).toHaveAccessibleDescription(/^Playback stops at the end of the chapter/);

  // Three seconds before Intro ends at 1:38.
  await seekTo(page, 95);
  await waitForPosition(page, 95, 5_000);
  expect(await seekPosition(page), 'not past Intro when the wait starts').toBeLessThanOrEqual(98);

  await expect(button(page, 'Play'), 'playback paused by the sleep timer').toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Sleep timer: playback paused' })).toBeVisible();
  const stoppedAt = await seekPosition(page);
  expect(stoppedAt, 'paused at the boundary (1:38), not before it').toBeGreaterThanOrEqual(97);
  expect(stoppedAt, 'not rolled on into Socket vs Connections').toBeLessThan(98 + 1.5);
  await expect(chapterButton(page, '3:05 Wrapping up')).not.toHaveAttribute('aria-current', 'true');
  // The timer switched itself off.
  await expect(button(page, 'Sleep timer')).toHaveAccessibleDescription('Sleep timer off');
});

/** The fixture feed with a podcast:chapters JSON file on "Queues & Back-pressure". */
const chapterArtTest = test.extend({
  feed: async ({ feed }, use) => {
    const { server } = feed;
    const json = {
      version: '1.2.0',
      chapters: [
        { startTime: 0, title: 'Opening' },
        { startTime: 60, title: 'Pictured', img: server.url('/chapter-art.png') },
        { startTime: 150, title: 'Closing' },
      ],
    };
    server.text('/chapters/queues.json', JSON.stringify(json), 'application/json+chapters');
    server.file('/chapter-art.png', ensureFixtureArtwork(), 'image/png');
    const enclosure = `<enclosure url="${server.url('/audio/queues.mp3')}"`;
    const xml = fixtureFeedXml(server.origin, feed.audio.bytes)
      .replace('<rss ', '<rss xmlns:podcast="https://podcastindex.org/namespace/1.0" ')
      .replace(
        enclosure,
        `<podcast:chapters url="${server.url('/chapters/queues.json')}" type="application/json+chapters"/>\n${enclosure}`,
      );
    expect(xml).toContain('<podcast:chapters ');
    server.text('/feed.xml', xml, 'application/rss+xml; charset=utf-8');
    await use(feed);
  },
});

chapterArtTest(
  "the player shows the playing chapter's picture, and the show's artwork outside it",
  async ({ page, feed }) => {
    await openEpisode(page, fixtureEpisodes.queues);
    await chapterButton(page, '0:00 Opening').click();
    await expect(playing(page)).toBeVisible();
    // Artwork is decorative (aria-hidden): the picture is the player region's img.
    const picture = player(page).locator('img');
    // The show's artwork: the feed's picture, or the copy Earmark keeps once it has fetched it.
    const showArtwork = new RegExp(`^(${feed.server.url('/artwork.png').replace(/[.?]/g, '\\$&')}|/artwork/)`);
    await expect(picture).toHaveAttribute('src', showArtwork);

    await chapterButton(page, '1:00 Pictured').click();
    await expect(chapterButton(page, '1:00 Pictured')).toHaveAttribute('aria-current', 'true');
    await expect(picture).toHaveAttribute('src', feed.server.url('/chapter-art.png'));
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(300);

    await chapterButton(page, '2:30 Closing').click();
    await expect(picture).toHaveAttribute('src', showArtwork);
  },
);

test('a playback error is a notice with the episode title and the whole sentence, once', async ({ page, feed }) => {
  feed.server.route('/audio/pooling.mp3', (_req, res) => {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('Not found');
  });
  const title = fixtureEpisodes.pooling;
  await episodeRow(page, title)
    .getByRole('button', { name: `Play ${title}`, exact: true })
    .click();
  const notice = page.getByRole('alert').filter({ hasText: title });
  await expect(notice).toHaveText(
    `${title}: Couldn't reach this episode's audio: the server may be down, or you may be offline. Download episodes to listen offline.`,
  );
  await expect(notice.getByRole('button', { name: 'Dismiss notice', exact: true })).toBeVisible();

  // Try again fails the same way: still one notice.
  const asked = () => feed.server.requests.filter((r) => r.path === '/audio/pooling.mp3').length;
  const before = asked();
  await player(page).getByRole('button', { name: 'Try again', exact: true }).click();
  await expect.poll(asked).toBeGreaterThan(before);
  await expect(player(page).getByRole('button', { name: 'Try again', exact: true })).toBeVisible();
  await expect(episodeRow(page, title)).toContainText("Couldn't play");
  await expect(notice).toHaveCount(1);

  await notice.getByRole('button', { name: 'Dismiss notice', exact: true }).click();
  await expect(notice).toHaveCount(0);
});

test('choosing another speed for a show with a pinned speed moves the pin and says so', async ({ page }) => {
  await openEpisode(page, fixtureEpisodes.pooling);
  await button(page, 'Listen now').click();
  await expect(playing(page)).toBeVisible();
  await button(page, 'Pause').click();

  const speed = page.getByRole('combobox', { name: 'Playback speed', exact: true });
  const pin = button(page, `Use this speed for ${fixtureShowTitle}`);
  await speed.selectOption({ label: '1.5×' });
  await expect(pin).toHaveAttribute('aria-pressed', 'false');
  await pin.click();
  await expect(pin).toHaveAttribute('aria-pressed', 'true');

  await speed.selectOption({ label: '1.25×' });
  await expect(page.getByRole('status').filter({ hasText: `${fixtureShowTitle} now plays at 1.25×` })).toBeVisible();
  await expect(speed).toHaveValue('1.25');
  await expect(pin, 'the pin moved to the new speed').toHaveAttribute('aria-pressed', 'true');

  await button(page, 'Settings').click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings.getByText(`${fixtureShowTitle} · 1.25×`, { exact: true })).toBeVisible();
});
