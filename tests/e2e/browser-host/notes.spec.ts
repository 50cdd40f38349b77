/**
 * Timestamped notes in the real browser host: capture while playing, persistence across a reload,
 * Jump to, search, Markdown export, the /open deep link, delete with Undo, and the M shortcut.
 */
import { readFile } from 'node:fs/promises';
import { button, openEpisode, seekPosition, seekTo } from '../../support/earmark-ui.js';
import { fixtureEpisodes, fixtureShowTitle } from '../../support/fixture-feed.js';
import {
  chapterList,
  episodeIdOf,
  expectSeekWithin,
  noteBox,
  noteList,
  playing,
  waitForSeekAtLeast,
} from '../../support/notes-ui.js';
import { expect, test } from './fixtures.js';
import type { Page } from '@playwright/test';

const text = 'Backlog is the accept queue length';

/**
 * Plays the sockets episode to ~5 s and adds a note there. Playback pauses at exactly 5 s for the
 * first keystroke, so the note's time does not depend on how busy the machine is (a loaded CI
 * machine took over a second between the seek and the key); then playback goes on while the rest
 * is typed, and the note keeps the time typing started at.
 */
async function addNoteAtFive(page: Page): Promise<void> {
  await openEpisode(page, fixtureEpisodes.sockets);
  await button(page, 'Play').click();
  await waitForSeekAtLeast(page, 4);
  await button(page, 'Pause').click();
  await seekTo(page, 5);
  await noteBox(page).pressSequentially(text.slice(0, 1)); // typing starts: the time is stamped now
  await expect(page.getByText('at 0:05', { exact: true })).toBeVisible();
  await button(page, 'Play').click();
  await waitForSeekAtLeast(page, 7); // still playing while the rest is typed
  await noteBox(page).pressSequentially(text.slice(1));
  await expect(page.getByText('at 0:05', { exact: true })).toBeVisible();
  await button(page, 'Add note').click();
  await expect(noteList(page).getByRole('listitem')).toHaveCount(1);
  await expect(noteBox(page)).toHaveValue('');
}

test('a note typed at ~5 s while playing keeps its time across a reload; Jump to 0:05 goes back', async ({ page }) => {
  await addNoteAtFive(page);
  const item = noteList(page).getByRole('listitem');
  await expect(item).toContainText(text);
  await expect(item.getByRole('button', { name: 'Jump to 0:05', exact: true })).toBeVisible();
  // It also sits under its chapter in the chapter list, and as a seek-bar marker.
  await expect(chapterList(page)).toContainText(text);
  await expect(button(page, 'Note: Backlog is the accept queue…')).toBeVisible();
  await expect(playing(page)).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: fixtureEpisodes.sockets, exact: true })).toBeVisible();
  await expect(noteList(page)).toContainText(text);
  await button(page, 'Play').click();
  await waitForSeekAtLeast(page, 12);
  await noteList(page).getByRole('button', { name: 'Jump to 0:05', exact: true }).click();
  await expectSeekWithin(page, 4, 12);
  await expect(playing(page)).toBeVisible();
});

test('search finds the note, and opening the hit shows the episode at that moment', async ({ page }) => {
  await addNoteAtFive(page);
  await button(page, 'Pause').click();
  await page.getByRole('button', { name: 'Earmark library', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Episodes', exact: true })).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search', exact: true }).fill('accept queue length');
  const results = page.getByRole('region', { name: 'Search results', exact: true });
  await expect(results.getByRole('heading', { name: fixtureEpisodes.sockets, exact: true })).toBeVisible();
  const hit = results.getByRole('button', { name: /^Note · 0:05/ });
  await expect(hit.locator('mark')).toHaveText(/accept queue length/i);
  await hit.click();
  await expect(page.getByRole('heading', { name: fixtureEpisodes.sockets, level: 1 })).toBeVisible();
  await expectSeekWithin(page, 4, 12);
  await expect(button(page, 'Play')).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search', exact: true }).fill('zebra crossing');
  await expect(results.getByText('No notes, chapters or episodes match “zebra crossing”')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search', exact: true }).press('Escape');
  await expect(page.getByRole('searchbox', { name: 'Search', exact: true })).toHaveValue('');
  await expect(results).toHaveCount(0);
});

test('Export notes → Markdown saves the note as a link under its chapter heading, with the show and an audio link', async ({
  page,
  feed,
}) => {
  await addNoteAtFive(page);
  const id = await episodeIdOf(page, fixtureEpisodes.sockets);
  await button(page, 'Export notes').click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Markdown' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.md$/);
  const markdown = await readFile((await download.path()) ?? '', 'utf8');
  expect(markdown).toContain(`## ${fixtureEpisodes.sockets}`);
  const heading = markdown.indexOf('### Intro');
  expect(markdown).toContain(`From ${fixtureShowTitle}`);
  const audio = feed.server.url('/audio/sockets.mp3');
  const line = markdown.indexOf(`[0:05](earmark://episode/${id}?t=5) ([audio](${audio}#t=5)) ${text}`);
  expect(heading, markdown).toBeGreaterThan(-1);
  expect(line, markdown).toBeGreaterThan(heading);
});

test('/open?episode=<id>&t=98 opens the episode at 1:38, paused, and the address goes back to /', async ({
  page,
  host,
}) => {
  const id = await episodeIdOf(page, fixtureEpisodes.sockets);
  await page.goto(new URL(`/open?episode=${id}&t=98`, host.url).href);
  await expect(page.getByRole('heading', { name: fixtureEpisodes.sockets, level: 1 })).toBeVisible();
  await expectSeekWithin(page, 97, 99);
  await expect(button(page, 'Play')).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/');
  await expect(
    page.getByRole('list', { name: 'Chapters' }).getByRole('button', { name: '1:38 Socket vs Connections' }),
  ).toHaveAttribute('aria-current', 'true');

  await page.goto(new URL('/open?episode=nothex&t=5', host.url).href);
  await expect(page.getByRole('status').filter({ hasText: /Couldn't open that link/ })).toBeVisible();
});

test('Delete note offers Undo, which brings the note back', async ({ page }) => {
  await addNoteAtFive(page);
  await noteList(page).getByRole('button', { name: 'Delete note', exact: true }).click();
  await expect(noteList(page)).toHaveCount(0);
  await button(page, 'Undo').click();
  await expect(noteList(page).getByRole('listitem')).toHaveCount(1);
  await expect(noteList(page)).toContainText(text);
  await expect(noteList(page).getByRole('button', { name: 'Jump to 0:05', exact: true })).toBeVisible();
});

test('editing a note in place, its words and its time; M marks what was just heard', async ({ page }) => {
  await addNoteAtFive(page);
  await noteList(page).getByRole('button', { name: 'Edit note', exact: true }).click();
  const editor = noteList(page).getByRole('textbox', { name: 'Note at 0:05', exact: true });
  await editor.fill('Edited words');
  // Stamped a moment early: 5 s later, from the keyboard.
  await noteList(page).getByRole('button', { name: '5 s later', exact: true }).press('Enter');
  await expect(noteList(page).getByRole('textbox', { name: 'Time', exact: true })).toHaveValue('0:10');
  await button(page, 'Save').click();
  await expect(noteList(page)).toContainText('Edited words');
  await expect(noteList(page).getByRole('button', { name: 'Jump to 0:10', exact: true })).toBeVisible();

  await waitForSeekAtLeast(page, 13);
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  // Playback goes on while the key is pressed: the mark lies 10 s before some moment in between.
  const before = await seekPosition(page);
  await page.keyboard.press('m');
  const after = await seekPosition(page);
  await expect(noteList(page).getByRole('listitem')).toHaveCount(2);
  await expect(noteList(page)).toContainText('Marked moment');
  const jump = noteList(page)
    .getByRole('listitem')
    .filter({ hasText: 'Marked moment' })
    .getByRole('button', { name: /^Jump to \d+:\d\d$/ });
  const label = (await jump.getAttribute('aria-label')) ?? (await jump.textContent()) ?? '';
  const [minutes = 0, seconds = 0] = (/(\d+):(\d\d)$/.exec(label) ?? []).slice(1).map(Number);
  const at = minutes * 60 + seconds;
  expect(at).toBeGreaterThanOrEqual(Math.floor(before - 10) - 1);
  expect(at).toBeLessThanOrEqual(Math.ceil(after - 10) + 1);
  // On the seek bar it is its own marker, or merged with the 0:05 note a few pixels away.
  await expect(
    page.getByRole('button', { name: /^(Note: Marked moment at \d+:\d\d|2 notes near \d+:\d\d)$/ }),
  ).toBeVisible();
});
