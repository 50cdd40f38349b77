// @vitest-environment jsdom
/** Daily listening in the renderer: Up next ordering and keyboard moves, the sleep timer's display, session restore. */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { describeSleep, formatRemaining, chapterEndAt } from '../../renderer/features/player/use-sleep-timer';
import { moveItem } from '../../renderer/features/queue/use-queue';
import { createSleepTimer } from '../../shared/sleep-timer';
import { type FakeData, sampleEpisode } from './fake-bridge';
import { fakeHowls } from './fake-howler';
import { renderApp as renderShell, resetAppBetweenTests } from './render-app';

vi.mock('howler', async () => ({ Howl: (await import('./fake-howler')).FakeHowl }));

const episodes = [
  sampleEpisode('e1', 'Alpha episode'),
  sampleEpisode('e2', 'Bravo episode', { state: { position: 98, played: false, updatedAt: '2025-04-05T00:00:00Z' } }),
  sampleEpisode('e3', 'Charlie episode', { publishedAt: '2025-01-01T00:00:00Z' }),
];

const renderApp = (data: Partial<FakeData> = {}) => renderShell({ episodes: episodes, ...data });

resetAppBetweenTests();

const queueTitles = () =>
  within(screen.getByRole('list', { name: 'Up next' }))
    .getAllByRole('listitem')
    .map((item) => within(item).getAllByRole('button')[0]!.textContent);

/**
 * Up next holding Alpha, Bravo, Charlie, with focus on Charlie's Move up, and the first move's request
 * held up on its way (as on a loaded machine).
 */
async function upNextWithSlowFirstMove() {
  const user = userEvent.setup();
  const fake = await renderApp({ queue: ['e1', 'e2', 'e3'] });
  await user.click(await screen.findByRole('button', { name: 'Up next' }));
  await screen.findByRole('region', { name: 'Up next' });
  let first = true;
  fake.overrides.moveInQueue = async (input) => {
    if (first) {
      first = false;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    return fake.app.handlers.moveInQueue(input);
  };
  const charlie = within(screen.getByRole('list', { name: 'Up next' })).getAllByRole('listitem')[2]!;
  within(charlie).getByRole('button', { name: 'Move up' }).focus();
  return { user, fake };
}

describe('Up next', () => {
  it('shows the queue in order; Move up/down and Alt+arrows reorder it and announce the move', async () => {
    const user = userEvent.setup();
    const fake = await renderApp({ queue: ['e1', 'e2', 'e3'] });
    await user.click(await screen.findByRole('button', { name: 'Up next' }));
    expect(await screen.findByRole('region', { name: 'Up next' })).toBeTruthy();
    expect(queueTitles()).toEqual(['Alpha episode', 'Bravo episode', 'Charlie episode']);

    const first = within(screen.getByRole('list', { name: 'Up next' })).getAllByRole('listitem')[0]!;
    await user.click(within(first).getByRole('button', { name: 'Move down' }));
    expect(queueTitles()).toEqual(['Bravo episode', 'Alpha episode', 'Charlie episode']);
    expect(fake.calls.filter((call) => call.method === 'moveInQueue').at(-1)?.input).toEqual({
      episodeId: 'e1',
      toIndex: 1,
    });
    expect(screen.getByText('Alpha episode moved to 2 of 3')).toBeTruthy();

    // Focus stays with the moved item; Alt+↓ moves it on, Alt+↑ at the top says so.
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(queueTitles()).toEqual(['Bravo episode', 'Charlie episode', 'Alpha episode']);
    expect(fake.store.queue).toEqual(['e2', 'e3', 'e1']);
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(screen.getByText('Alpha episode is already last')).toBeTruthy();

    const bravo = within(screen.getByRole('list', { name: 'Up next' })).getAllByRole('listitem')[0]!;
    await user.click(within(bravo).getByRole('button', { name: 'Remove from Up next' }));
    expect(queueTitles()).toEqual(['Charlie episode', 'Alpha episode']);
    expect(screen.getByText('Bravo episode removed from Up next')).toBeTruthy();
  });

  it('two quick Alt+↑ are two moves even when the first request is slower than the second', async () => {
    const { user, fake } = await upNextWithSlowFirstMove();
    await user.keyboard('{Alt>}{ArrowUp}{ArrowUp}{/Alt}');
    expect(queueTitles()).toEqual(['Charlie episode', 'Alpha episode', 'Bravo episode']);
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)));
    expect(fake.store.queue).toEqual(['e3', 'e1', 'e2']);
    expect(queueTitles()).toEqual(['Charlie episode', 'Alpha episode', 'Bravo episode']);
  });

  it('a reload asked for while a move is on its way shows the move, so a second Alt+↑ moves on from there', async () => {
    const { user, fake } = await upNextWithSlowFirstMove();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    // An earlier change's queueChanged arrives now: the list is asked for while the move is on its way.
    act(() => fake.app.events.emit('queueChanged', { episodeIds: ['e1', 'e2', 'e3'] }));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)));
    expect(fake.store.queue).toEqual(['e3', 'e1', 'e2']);
    expect(queueTitles()).toEqual(['Charlie episode', 'Alpha episode', 'Bravo episode']);
  });

  it('Add to Up next from a list row, and the row then offers to remove it', async () => {
    const user = userEvent.setup();
    const fake = await renderApp();
    const list = await screen.findByRole('list', { name: 'Episodes' });
    const row = within(list).getAllByRole('listitem')[2]!;
    await user.click(within(row).getByRole('button', { name: 'Add to Up next' }));
    expect(fake.store.queue).toEqual(['e3']);
    expect(await within(row).findByRole('button', { name: 'Remove from Up next' })).toBeTruthy();
    expect(within(row).getByText('Up next')).toBeTruthy();
  });

  it('at the end of an episode the next queued one loads and plays', async () => {
    const user = userEvent.setup();
    const fake = await renderApp({ queue: ['e3'] });
    await user.click(await screen.findByRole('button', { name: 'Alpha episode' }));
    await user.click(await screen.findByRole('button', { name: 'Play' }));
    const howl = fakeHowls.all().at(-1)!;
    await act(async () => {
      howl.options.onend?.(1);
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(
      fake.calls.some((call) => call.method === 'setEpisodeState' && (call.input as { ended?: boolean }).ended),
    ).toBe(true);
    expect(fake.calls.find((call) => call.method === 'advanceQueue')?.input).toEqual({ finishedEpisodeId: 'e1' });
    expect(fakeHowls.all().at(-1)!.options.src[0]).toContain('e3.mp3');
    expect(within(screen.getByRole('region', { name: 'Player' })).getByText('Charlie episode')).toBeTruthy();
  });

  it("the player's Play next in Up next skips to the first queued episode, and is disabled when Up next is empty", async () => {
    const user = userEvent.setup();
    const fake = await renderApp({ queue: ['e3'] });
    await user.click(await screen.findByRole('button', { name: 'Alpha episode' }));
    const player = screen.getByRole('region', { name: 'Player' });
    await user.click(await within(player).findByRole('button', { name: 'Play next in Up next' }));
    expect(await within(player).findByText('Charlie episode')).toBeTruthy();
    expect(within(player).getByRole('button', { name: 'Pause' })).toBeTruthy();
    expect(fake.calls.find((call) => call.method === 'removeFromQueue')?.input).toEqual({ episodeId: 'e3' });
    await vi.waitFor(() =>
      expect(within(player).getByRole('button', { name: 'Play next in Up next' })).toHaveProperty('disabled', true),
    );
  });
});

describe('sleep timer', () => {
  it('formats the time left and says what the timer does', () => {
    expect(formatRemaining(900)).toBe('15:00');
    expect(formatRemaining(59.2)).toBe('1:00');
    expect(formatRemaining(3723)).toBe('1:02:03');
    expect(describeSleep({ mode: null })).toBe('Sleep timer off');
    expect(describeSleep({ mode: { kind: 'minutes', minutes: 15 }, remainingSeconds: 840 })).toBe(
      'Playback stops in 14:00',
    );
    expect(describeSleep({ mode: { kind: 'end-of-episode' }, remainingSeconds: 62 })).toBe(
      'Playback stops at the end of the episode (1:02 left)',
    );
    expect(
      chapterEndAt(
        [
          { start: 0, title: 'A' },
          { start: 98, title: 'B' },
        ],
        10,
        300,
      ),
    ).toBe(98);
    expect(
      chapterEndAt(
        [
          { start: 0, title: 'A' },
          { start: 98, title: 'B' },
        ],
        100,
        300,
      ),
    ).toBe(300);
  });

  it('End of chapter pauses when playback crosses the boundary, even with a tick just before it', () => {
    const chapters = [
      { start: 0, title: 'A' },
      { start: 98, title: 'B' },
      { start: 185, title: 'C' },
    ];
    const timer = createSleepTimer({ now: () => 0 });
    timer.setPlaying(true);
    timer.start({ kind: 'end-of-chapter' });
    const tick = (position: number) =>
      timer.tick({ position, durationSeconds: 300, chapterEnd: chapterEndAt(chapters, position, 300), rate: 1.5 });
    // Ticks a quarter second apart at 1.5×; one lands 0.15 s before chapter B.
    expect([97.475, 97.85, 98.225].map(tick)).toEqual([false, false, true]);
  });

  it('the Sleep timer menu starts a timer, the player shows the time left, Off cancels it', async () => {
    const user = userEvent.setup();
    await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Alpha episode' }));
    const button = await screen.findByRole('button', { name: 'Sleep timer' });
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    await user.click(button);
    const menu = screen.getByRole('menu', { name: 'Sleep timer' });
    const items = within(menu)
      .getAllByRole('menuitemradio')
      .map((item) => item.textContent);
    expect(items).toEqual([
      '5 minutes',
      '15 minutes',
      '30 minutes',
      '45 minutes',
      '60 minutes',
      'End of episode',
      'End of chapter',
      'Off',
    ]);
    await user.click(within(menu).getByRole('menuitemradio', { name: '15 minutes' }));
    expect(screen.queryByRole('menu')).toBeNull();
    expect(screen.getByRole('button', { name: 'Sleep timer' }).textContent).toContain('15:00');
    expect(screen.getByText('Playback stops in 15:00')).toBeTruthy();

    // A running timer adds "Add 5 minutes", set apart from the choices by a separator.
    await user.click(screen.getByRole('button', { name: 'Sleep timer' }));
    const running = screen.getByRole('menu', { name: 'Sleep timer' });
    expect(within(running).getByRole('separator')).toBeTruthy();
    expect(within(running).getByRole('menuitem', { name: 'Add 5 minutes' })).toBeTruthy();
    await user.click(within(running).getByRole('menuitemradio', { name: 'End of episode' }));
    expect(screen.getByText('Playback stops at the end of the episode (31:02 left)')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Sleep timer' }));
    expect(screen.getByRole('menuitemradio', { name: 'End of episode' }).getAttribute('aria-checked')).toBe('true');
    await user.click(screen.getByRole('menuitemradio', { name: 'Off' }));
    expect(screen.getByText('Sleep timer off')).toBeTruthy();
  });
});

describe('position and filters', () => {
  it('reopens the last episode on start, paused at its position', async () => {
    await renderApp({ lastEpisodeId: 'e2' });
    const player = await screen.findByRole('region', { name: 'Player' });
    expect(within(player).getByText('Bravo episode')).toBeTruthy();
    expect(within(player).getByRole('button', { name: 'Play' })).toBeTruthy();
    expect(screen.getByRole('slider', { name: 'Seek' }).getAttribute('aria-valuenow')).toBe('98');
  });

  it('moves a queue item within bounds', () => {
    expect(moveItem([{ id: 'x' }, { id: 'y' }, { id: 'z' }], 'x', 9).map((item) => item.id)).toEqual(['y', 'z', 'x']);
  });
});

describe('the Electron app menu', () => {
  it('runs its commands like the keys: Play/Pause toggles, Skip Forward skips', async () => {
    const fake = await renderApp({ lastEpisodeId: 'e2' });
    const player = await screen.findByRole('region', { name: 'Player' });
    act(() => fake.emit('menuCommand', { command: 'play-pause' }));
    expect(await within(player).findByRole('button', { name: 'Pause' })).toBeTruthy();
    act(() => fake.emit('menuCommand', { command: 'skip-forward' }));
    const seek = screen.getByRole('slider', { name: 'Seek' });
    expect(Number(seek.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(128);
  });

  it('ignores a command that came from a typed key while the listener types in a field; clicks still run', async () => {
    const user = userEvent.setup();
    const fake = await renderApp({ lastEpisodeId: 'e2' });
    const player = await screen.findByRole('region', { name: 'Player' });
    const search = screen.getByRole('searchbox', { name: 'Search' });
    await user.click(search);
    await user.keyboard('No');
    act(() => fake.emit('menuCommand', { command: 'play-pause', byKey: true }));
    act(() => fake.emit('menuCommand', { command: 'skip-forward', byKey: true }));
    expect(within(player).getByRole('button', { name: 'Play' })).toBeTruthy();
    expect(Number(screen.getByRole('slider', { name: 'Seek' }).getAttribute('aria-valuenow'))).toBeLessThan(128);
    expect(document.activeElement).toBe(search);

    // Playback ▸ Play/Pause picked with the mouse while the caret is in the field: it plays.
    act(() => fake.emit('menuCommand', { command: 'play-pause' }));
    expect(await within(player).findByRole('button', { name: 'Pause' })).toBeTruthy();
    expect(document.activeElement).toBe(search);

    // A key in the background (the window not focused) is not typing either.
    const hasFocus = vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    act(() => fake.emit('menuCommand', { command: 'play-pause', byKey: true }));
    expect(await within(player).findByRole('button', { name: 'Play' })).toBeTruthy();
    hasFocus.mockRestore();
  });

  it('saves the position at once when the desktop app says it is quitting', async () => {
    const user = userEvent.setup();
    const fake = await renderApp({ lastEpisodeId: 'e2' });
    const player = await screen.findByRole('region', { name: 'Player' });
    await user.click(within(player).getByRole('button', { name: 'Play' }));
    await act(async () => {
      fakeHowls.all().at(-1)!.advance(7.5);
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    const saves = () => fake.calls.filter((call) => call.method === 'setEpisodeState');
    const before = saves().length;
    act(() => fake.emit('appQuitting', {}));
    expect(saves().length).toBe(before + 1);
    expect(saves().at(-1)?.input).toMatchObject({ id: 'e2' });
    expect((saves().at(-1)?.input as { position: number }).position).toBeGreaterThan(7);
  });
});
