/**
 * The native application menu's Playback menu, in the real app: its items are the shared list
 * (labels and keys), and picking one runs the same handler as the key in the window. The click
 * goes through Electron's own MenuItem.click, as when the user picks the item; what the OS draws
 * (and macOS's handling of the shown keys) is not checked.
 */
import { menuCommands } from '../../../shared/menu-commands.js';
import { button, episodeOpener, openEpisode, seekPosition } from '../../support/earmark-ui.js';
import { ELECTRON_SKIP_REASON } from '../../support/electron-binary.js';
import { fixtureEpisodes } from '../../support/fixture-feed.js';
import { chapterButton, expectSeekWithin, waitForSeekAtLeast } from '../../support/notes-ui.js';
import { electronPath, expect, test } from './fixtures.js';
import { clickPlaybackMenuItem, playbackMenuItems } from './main-process.js';

// Skipped where the Electron binary is not installed: our development machines and CI cannot download
// it (README, "The desktop half, and what has really run"), so these have never run. They run wherever
// `npm install` fetched Electron. The main-process wiring they rely on is also exercised on every
// `npm test` under a fake Electron (tests/unit/electron/main-boot.test.ts). Global setup prints the
// reason once, so the CI log says why these did not run.
test.skip(!electronPath, ELECTRON_SKIP_REASON);

test('the Playback menu lists the listening actions with their keys, shown but not registered', async ({
  electronApp,
  page,
}) => {
  await expect(episodeOpener(page, fixtureEpisodes.sockets)).toBeVisible();
  expect(await playbackMenuItems(electronApp)).toEqual(
    menuCommands.map(({ label, key }) => ({ label, accelerator: key, registerAccelerator: false })),
  );
});

test('Play/Pause from the menu plays the opened episode; Skip Forward and Next Chapter move it; Play/Pause pauses', async ({
  electronApp,
  page,
}) => {
  await openEpisode(page, fixtureEpisodes.sockets);
  // Opening an episode puts it in the player; the menu acts on the player.
  await expect(button(page, 'Play')).toBeVisible();

  await clickPlaybackMenuItem(electronApp, 'Play/Pause');
  await expect(button(page, 'Pause')).toBeVisible();
  const started = await waitForSeekAtLeast(page, 1);
  await expect(chapterButton(page, '0:00 Intro')).toHaveAttribute('aria-current', 'true');

  await clickPlaybackMenuItem(electronApp, 'Skip Forward');
  await expectSeekWithin(page, started + 29, started + 35);

  // Chapters of the fixture episode: 0:00 Intro, 1:38 Socket vs Connections, 3:05 Wrapping up.
  await clickPlaybackMenuItem(electronApp, 'Next Chapter');
  await expect(chapterButton(page, '1:38 Socket vs Connections')).toHaveAttribute('aria-current', 'true');
  await expectSeekWithin(page, 98, 104);

  await clickPlaybackMenuItem(electronApp, 'Play/Pause');
  await expect(button(page, 'Play')).toBeVisible();
  const resting = await seekPosition(page);
  await page.waitForTimeout(1_500);
  expect(await seekPosition(page), 'paused from the menu, playback stays put').toBeLessThanOrEqual(resting + 1);
});
