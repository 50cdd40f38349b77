// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../electron/core/dispatch';
import { defaultSettings, type Chapter } from '../../shared/types';
import { sampleEpisode, sampleNote as note, type FakeData } from './fake-bridge';
import { fakeHowls } from './fake-howler';
import { renderApp, resetAppBetweenTests } from './render-app';

vi.mock('howler', async () => ({ Howl: (await import('./fake-howler')).FakeHowl }));

const episode = sampleEpisode('e1', 'Sockets, Connections and the Accept Queue');
const chapters: Chapter[] = [
  { start: 0, title: 'Intro' },
  { start: 98, title: 'Socket vs Connections', href: 'https://example.com/sockets', image: 'javascript:alert(1)' },
  { start: 185, title: 'Wrapping up' },
];

async function openSockets(data: Partial<FakeData> = {}, overrides: Partial<Handlers> = {}) {
  const fake = await renderApp({ episodes: [episode], chapters: { e1: chapters }, ...data }, { overrides });
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: episode.title }));
  await screen.findByRole('heading', { name: episode.title, level: 1 });
  return { fake, user };
}

/** Playback moves on by `seconds` and the player's tick sees it. */
async function advance(seconds: number) {
  await act(async () => {
    fakeHowls.all().at(-1)!.advance(seconds);
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
}

resetAppBetweenTests();

describe('chapters', () => {
  it('lists chapters as "<time> <title>" buttons; aria-current follows playback of the loaded episode', async () => {
    const { user } = await openSockets();
    const list = await screen.findByRole('list', { name: 'Chapters' });
    const names = within(list)
      .getAllByRole('button')
      .map((button) => button.textContent?.replace(/Now$/, '').trim());
    expect(names).toEqual(['0:00 Intro', '1:38 Socket vs Connections', '3:05 Wrapping up']);
    expect(within(list).getByRole('button', { name: '0:00 Intro' }).getAttribute('aria-current')).toBe('true');

    await user.click(within(list).getByRole('button', { name: '1:38 Socket vs Connections' }));
    expect(fakeHowls.all().at(-1)!.position).toBe(98);
    expect(await screen.findByRole('button', { name: 'Pause' })).toBeTruthy();
    const current = within(list).getByRole('button', { name: /^1:38 Socket vs Connections/ });
    expect(current.getAttribute('aria-current')).toBe('true');
    expect(within(list).getByRole('button', { name: '0:00 Intro' }).getAttribute('aria-current')).toBeNull();

    // Only web links are shown, opening outside; a javascript: image never reaches the page.
    const link = within(list).getByRole('link', { name: /example\.com/ });
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(document.querySelector('img[src^="javascript"]')).toBeNull();
  });

  it('an open page shows chapters that arrive later (chaptersChanged for this episode), not for another', async () => {
    // What the service learns later (a download's or a web read's chapters), answered from now on.
    const later: Record<string, Chapter[]> = {};
    const { fake } = await openSockets({ chapters: {} }, { getChapters: ({ episodeId }) => later[episodeId] ?? [] });
    expect(screen.queryByRole('list', { name: 'Chapters' })).toBeNull();
    later.e1 = chapters;
    await act(async () => fake.emit('chaptersChanged', { episodeId: 'other' }));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.queryByRole('list', { name: 'Chapters' })).toBeNull();
    await act(async () => fake.emit('chaptersChanged', { episodeId: 'e1' }));
    const list = await screen.findByRole('list', { name: 'Chapters' });
    const names = within(list)
      .getAllByRole('button')
      .map((button) => button.textContent?.replace(/Now$/, '').trim());
    expect(names).toEqual(['0:00 Intro', '1:38 Socket vs Connections', '3:05 Wrapping up']);
  });

  it('seek-bar markers and Next chapter jump between chapters', async () => {
    const { user } = await openSockets();
    await user.click(await screen.findByRole('button', { name: 'Chapter: Wrapping up' }));
    expect(fakeHowls.all().at(-1)!.position).toBe(185);
    await user.click(screen.getByRole('button', { name: 'Previous chapter' }));
    expect(fakeHowls.all().at(-1)!.position).toBe(98);
    await user.click(screen.getByRole('button', { name: 'Next chapter' }));
    expect(fakeHowls.all().at(-1)!.position).toBe(185);
  });
});

describe('notes', () => {
  it('stamps the time typing started, not the time Enter is pressed', async () => {
    const { fake, user } = await openSockets();
    await user.click(screen.getByRole('button', { name: 'Play' }));
    await advance(5.2);
    const box = screen.getByRole('textbox', { name: 'Note' });
    await user.type(box, 'B');
    expect(screen.getByText('at 0:05')).toBeTruthy();
    await advance(7); // the listener keeps typing while the episode plays on
    await user.type(box, 'acklog is the queue length{Enter}');

    const added = fake.calls.find((call) => call.method === 'addNote');
    expect(added?.input).toEqual({ episodeId: 'e1', at: 5.2, text: 'Backlog is the queue length' });
    const list = await screen.findByRole('list', { name: 'Notes' });
    expect(within(list).getByRole('button', { name: 'Jump to 0:05' })).toBeTruthy();
    expect((box as HTMLTextAreaElement).value).toBe('');
    expect(screen.queryByText('at 0:05')).toBeNull();
    expect(screen.getByRole('button', { name: 'Note: Backlog is the queue length' })).toBeTruthy();
  });

  it('shows notes under the chapter they fall in (a note at a chapter start belongs to it)', async () => {
    await openSockets({
      notes: [note('a', 5, 'early thought'), note('b', 98, 'exactly at the start'), note('c', 200, '')],
    });
    const list = await screen.findByRole('list', { name: 'Chapters' });
    const intro = within(list).getByRole('list', { name: 'Notes in Intro' });
    expect(intro.textContent).toContain('early thought');
    const sockets = within(list).getByRole('list', { name: 'Notes in Socket vs Connections' });
    expect(sockets.textContent).toContain('exactly at the start');
    const wrapping = within(list).getByRole('list', { name: 'Notes in Wrapping up' });
    expect(wrapping.textContent).toContain('Marked moment');
    expect(screen.getByRole('button', { name: 'Note: Marked moment at 3:20' })).toBeTruthy();
  });

  it("shows a note's quote from the transcript under its words", async () => {
    await openSockets({
      notes: [{ ...note('a', 5, 'why backlogs fill'), quote: 'The kernel finishes the handshake.' }],
    });
    const list = await screen.findByRole('list', { name: 'Notes' });
    const quote = within(list).getByText('The kernel finishes the handshake.');
    expect(quote.tagName).toBe('BLOCKQUOTE');
    expect(quote.getAttribute('aria-label')).toBe('Quote from the transcript');
  });

  it('deleting a note offers Undo, which restores it exactly', async () => {
    const { fake, user } = await openSockets({ notes: [note('a', 5, 'keep me')] });
    const list = await screen.findByRole('list', { name: 'Notes' });
    await user.click(within(list).getByRole('button', { name: 'Delete note' }));
    expect(screen.queryByRole('list', { name: 'Notes' })).toBeNull();
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    const back = await screen.findByRole('list', { name: 'Notes' });
    expect(within(back).getByText('keep me')).toBeTruthy();
    expect(fake.calls.find((call) => call.method === 'restoreNote')?.input).toEqual({ note: note('a', 5, 'keep me') });
  });

  it('edits in place: Escape cancels, Save keeps', async () => {
    const { fake, user } = await openSockets({ notes: [note('a', 5, 'first words')] });
    const list = await screen.findByRole('list', { name: 'Notes' });
    await user.click(within(list).getByRole('button', { name: 'Edit note' }));
    const editor = within(list).getByRole('textbox', { name: 'Note at 0:05' });
    await user.clear(editor);
    await user.type(editor, 'dropped{Escape}');
    expect(within(list).getByText('first words')).toBeTruthy();
    await user.click(within(list).getByRole('button', { name: 'Edit note' }));
    const again = within(list).getByRole('textbox', { name: 'Note at 0:05' });
    await user.clear(again);
    await user.type(again, 'better words');
    await user.click(within(list).getByRole('button', { name: 'Save' }));
    expect(await within(list).findByText('better words')).toBeTruthy();
    expect(fake.calls.filter((call) => call.method === 'updateNote')).toHaveLength(1);
  });

  it("a note's time moves 5 s at a time or is typed; a wrong time is explained and nothing is saved", async () => {
    const { fake, user } = await openSockets({ notes: [note('a', 100, 'stamped late')] });
    const list = await screen.findByRole('list', { name: 'Notes' });
    await user.click(within(list).getByRole('button', { name: 'Edit note' }));
    const time = within(list).getByRole('textbox', { name: 'Time' });
    expect((time as HTMLInputElement).value).toBe('1:40');
    await user.click(within(list).getByRole('button', { name: '5 s earlier' }));
    await user.click(within(list).getByRole('button', { name: '5 s earlier' }));
    expect((time as HTMLInputElement).value).toBe('1:30');
    await user.click(within(list).getByRole('button', { name: 'Save' }));
    expect(await within(list).findByRole('button', { name: 'Jump to 1:30' })).toBeTruthy();
    expect(fake.calls.find((call) => call.method === 'updateNote')?.input).toEqual({
      id: 'a',
      text: 'stamped late',
      at: 90,
    });

    await user.click(within(list).getByRole('button', { name: 'Edit note' }));
    const typed = within(list).getByRole('textbox', { name: 'Time' });
    await user.clear(typed);
    await user.type(typed, '1:9x');
    await user.click(within(list).getByRole('button', { name: 'Save' }));
    expect((await within(list).findByRole('alert')).textContent).toMatch(/Write the time as minutes:seconds/);
    expect(fake.calls.filter((call) => call.method === 'updateNote')).toHaveLength(1);
    await user.clear(typed);
    await user.type(typed, '1:02:03{Enter}');
    expect(await within(list).findByRole('button', { name: 'Jump to 1:02:03' })).toBeTruthy();
  });

  it('M marks what was just heard, settings.markBackSeconds back, with an empty text', async () => {
    const { fake, user } = await openSockets({
      settings: { ...defaultSettings, markBackSeconds: 10 },
    });
    await user.click(screen.getByRole('button', { name: 'Play' }));
    await advance(42);
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('m');
    expect(fake.calls.find((call) => call.method === 'addNote')?.input).toEqual({ episodeId: 'e1', at: 32, text: '' });
    expect(await screen.findByText('Marked 0:32')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Note: Marked moment at 0:32' })).toBeTruthy();
  });
});
