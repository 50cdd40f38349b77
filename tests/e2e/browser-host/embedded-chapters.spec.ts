/**
 * Chapters embedded in the audio (ID3 CHAP) in the real browser host: read from the server with Range
 * requests while streaming, and shown on an open episode page the moment its download completes,
 * without reopening it.
 */
import { button, openEpisode } from '../../support/earmark-ui.js';
import { fixtureEpisodes } from '../../support/fixture-feed.js';
import { ensureFixtureAudioWithChapters } from '../../support/fixture-media.js';
import { chapterButton, chapterList } from '../../support/notes-ui.js';
import { throttledFile } from '../../support/throttled-file.js';
import { expect, test } from './fixtures.js';

const embedded = ['0:00 Embedded opening', '1:00 Embedded pool sizing', '2:30 Embedded wrap-up'];

test('streaming: chapters embedded in the audio on the server show without a download', async ({ page, feed }) => {
  feed.server.file('/audio/queues.mp3', ensureFixtureAudioWithChapters().path, 'audio/mpeg');
  await openEpisode(page, fixtureEpisodes.queues);
  for (const name of embedded) await expect(chapterButton(page, name)).toBeVisible();
  await expect(chapterList(page).getByRole('listitem')).toHaveCount(3);
});

test('an open episode page shows the embedded chapters when its download completes, without reopening', async ({
  page,
  feed,
}) => {
  const audio = ensureFixtureAudioWithChapters();
  // This host refuses range requests (no reading the tags while streaming) and serves the download slowly.
  const slowly = throttledFile(audio.path, 'audio/mpeg');
  feed.server.route('/audio/pooling.mp3', (req, res) => {
    if (req.headers.range) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('No ranges here');
      return;
    }
    return slowly(req, res);
  });
  await openEpisode(page, fixtureEpisodes.pooling);
  await expect(button(page, 'Download')).toBeVisible();
  await expect(chapterList(page)).toHaveCount(0);
  await button(page, 'Download').click();
  await expect(button(page, 'Remove download')).toBeVisible({ timeout: 15_000 });
  for (const name of embedded) await expect(chapterButton(page, name)).toBeVisible();
  await expect(button(page, 'Chapter: Embedded pool sizing')).toBeVisible();
  await expect(page.getByRole('heading', { name: fixtureEpisodes.pooling, level: 1 })).toBeVisible();
});
