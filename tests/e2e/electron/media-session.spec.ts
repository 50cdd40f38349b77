/**
 * Media keys and the OS "now playing" panel go through navigator.mediaSession: Chromium reads
 * the metadata and playback state the page sets, and turns a media key (or a click in the panel,
 * or a headset button) into a call of the action handler the page registered.
 *
 * What this proves, in Electron's own Chromium: while an episode plays, the session names the
 * current chapter, the episode and the show, carries the artwork and says "playing"; the chapter
 * title follows the chapter; and the handlers the app registered pause, play and go to the next
 * chapter when called the way Chromium calls them (handler({ action })).
 *
 * What it cannot prove: the leg from the OS to Chromium (MPRIS on Linux, SMTC on Windows, Now
 * Playing on macOS). webContents.sendInputEvent({ type: 'keyDown', keyCode: 'MediaPlayPause' })
 * does not exercise it either: it hands the page a DOM keydown and never reaches Chromium's media
 * key listener, so a test built on it would fail, or pass for the wrong reason.
 */
import type { Page } from '@playwright/test';
import { button, episodeOpener, openEpisode } from '../../support/earmark-ui.js';
import { ELECTRON_SKIP_REASON } from '../../support/electron-binary.js';
import { fixtureEpisodes, fixtureShowTitle } from '../../support/fixture-feed.js';
import { chapterButton, expectSeekWithin, waitForSeekAtLeast } from '../../support/notes-ui.js';
import { electronPath, expect, test } from './fixtures.js';

// Skipped where the Electron binary is not installed: our development machines and CI cannot download
// it (README, "The desktop half, and what has really run"), so these have never run. They run wherever
// `npm install` fetched Electron. The main-process wiring they rely on is also exercised on every
// `npm test` under a fake Electron (tests/unit/electron/main-boot.test.ts). Global setup prints the
// reason once, so the CI log says why these did not run.
test.skip(!electronPath, ELECTRON_SKIP_REASON);

type Recorded = { __earmarkMediaActions: Map<string, MediaSessionActionHandler> };

/**
 * From now on, keeps the handlers the app gives navigator.mediaSession (still passing them on to
 * Chromium). Call it before an episode is loaded: the app registers its handlers on loading one.
 */
async function recordMediaActions(page: Page): Promise<void> {
  await page.evaluate(() => {
    const session = navigator.mediaSession;
    const handlers = new Map<string, MediaSessionActionHandler>();
    (window as unknown as Recorded).__earmarkMediaActions = handlers;
    const register = session.setActionHandler.bind(session);
    session.setActionHandler = (action, handler) => {
      if (handler) handlers.set(action, handler);
      else handlers.delete(action);
      register(action, handler);
    };
  });
}

/** Calls the app's handler for a media action as Chromium does for a media key. */
async function mediaAction(page: Page, action: MediaSessionAction): Promise<void> {
  const handled = await page.evaluate((name) => {
    const handler = (window as unknown as Recorded).__earmarkMediaActions.get(name);
    handler?.({ action: name });
    return Boolean(handler);
  }, action);
  expect(handled, `the app handles the media action "${action}"`).toBe(true);
}

/** What the OS would be told: metadata (artwork as URLs) and playback state. */
function mediaSessionState(page: Page) {
  return page.evaluate(() => {
    const { metadata, playbackState } = navigator.mediaSession;
    return {
      playbackState,
      metadata: metadata && {
        title: metadata.title,
        artist: metadata.artist,
        album: metadata.album,
        artwork: metadata.artwork.map((image) => image.src),
      },
    };
  });
}

test('the media session names the chapter, episode and show with artwork, and its actions drive playback', async ({
  page,
  feed,
}) => {
  await expect(episodeOpener(page, fixtureEpisodes.sockets)).toBeVisible();
  await recordMediaActions(page);
  await openEpisode(page, fixtureEpisodes.sockets);
  await button(page, 'Play').click();
  await expect(button(page, 'Pause')).toBeVisible();
  await waitForSeekAtLeast(page, 1);

  await expect
    .poll(() => mediaSessionState(page))
    .toEqual({
      playbackState: 'playing',
      metadata: {
        title: 'Intro', // the chapter playing (0:00 Intro)
        artist: fixtureShowTitle,
        album: fixtureEpisodes.sockets,
        artwork: [feed.server.url('/artwork.png')],
      },
    });

  // Media key Pause / Play.
  await mediaAction(page, 'pause');
  await expect(button(page, 'Play')).toBeVisible();
  await expect.poll(async () => (await mediaSessionState(page)).playbackState).toBe('paused');
  await mediaAction(page, 'play');
  await expect(button(page, 'Pause')).toBeVisible();
  await expect.poll(async () => (await mediaSessionState(page)).playbackState).toBe('playing');

  // Media key Next track: the next chapter, whose title the panel then shows.
  await mediaAction(page, 'nexttrack');
  await expect(chapterButton(page, '1:38 Socket vs Connections')).toHaveAttribute('aria-current', 'true');
  await expectSeekWithin(page, 98, 104);
  await expect.poll(async () => (await mediaSessionState(page)).metadata?.title).toBe('Socket vs Connections');
});
