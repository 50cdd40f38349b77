// @vitest-environment jsdom
/**
 * Downloads in the renderer: the episode's control through every state (names and values of the
 * progress bar), the library badge, the Downloads view, the settings section, and the player
 * choosing the downloaded file (and switching to it when a download completes).
 */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Download } from '../../shared/types';
import { never, sampleEpisode, type FakeData } from './fake-bridge';
import { fakeHowls } from './fake-howler';
import { renderApp as renderShell, resetAppBetweenTests } from './render-app';

vi.mock('howler', async () => ({ Howl: (await import('./fake-howler')).FakeHowl }));

const MB = 1024 * 1024;
const episode = sampleEpisode('e1', 'Socket management', {
  enclosure: { url: 'https://cdn.example.com/e1', type: 'audio/x-m4a', length: 48 * MB },
});
const other = sampleEpisode('e2', 'Does discipline work?');

const completed = (bytes = 48 * MB): Download => ({
  episodeId: 'e1',
  feedId: 'feed-1',
  url: episode.enclosure!.url,
  state: 'completed',
  bytes,
  total: bytes,
  queuedAt: '2025-04-05T00:00:00Z',
  completedAt: '2025-04-05T00:01:00Z',
});

const renderApp = (data: Partial<FakeData> = {}) => renderShell({ episodes: [episode, other], ...data });

const openEpisode = async (user: ReturnType<typeof userEvent.setup>, title = episode.title) => {
  await user.click(await screen.findByRole('button', { name: title }));
  await screen.findByRole('heading', { name: title });
};
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

resetAppBetweenTests();

describe('episode download control', () => {
  it('goes Download → progress bar with Pause/Cancel → Resume → failed with Retry → Downloaded with Remove', async () => {
    const user = userEvent.setup();
    const fake = await renderApp();
    fake.network.set(episode.enclosure!.url, never); // the transfer runs until the test ends
    await openEpisode(user);

    await user.click(screen.getByRole('button', { name: 'Download' }));
    expect(fake.calls.some((call) => call.method === 'downloadEpisode')).toBe(true);
    const bar = await screen.findByRole('progressbar', { name: 'Download progress' });
    expect(bar.getAttribute('aria-valuetext')).toBe('Waiting to download');
    expect(screen.getByRole('button', { name: 'Pause download' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel download' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Download' })).toBeNull();
    // The header's count describes the Downloads button; its name stays "Downloads".
    const header = screen.getByRole('button', { name: 'Downloads' });
    expect(document.getElementById(header.getAttribute('aria-describedby')!)?.textContent).toBe(
      '1 episode downloading',
    );

    const running = { ...fake.store.downloads.e1!, state: 'downloading' as const };
    await act(async () => {
      fake.emit('downloadChanged', running);
      fake.emit('downloadProgress', {
        episodeId: 'e1',
        bytes: 12 * MB,
        total: 48 * MB,
        speed: 2.1 * MB,
        etaSeconds: 20,
      });
    });
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('100');
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    expect(bar.getAttribute('aria-valuetext')).toBe('12 MB of 48 MB, 2.1 MB/s, 20 s left');

    await user.click(screen.getByRole('button', { name: 'Pause download' }));
    expect(await screen.findByRole('button', { name: 'Resume download' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Pause download' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Resume download' }));
    expect(await screen.findByRole('button', { name: 'Pause download' })).toBeTruthy();
    expect(fake.calls.map((call) => call.method)).toEqual(expect.arrayContaining(['pauseDownload', 'retryDownload']));

    const error = 'The disk is full: the episode could not be saved. Free some space and try again.';
    await act(async () => fake.emit('downloadChanged', { ...running, state: 'failed', error }));
    expect(screen.getByRole('alert').textContent).toContain(error);
    expect(screen.getByRole('button', { name: 'Retry download' })).toBeTruthy();
    expect(screen.queryByRole('progressbar', { name: 'Download progress' })).toBeNull();

    await act(async () => fake.emit('downloadChanged', completed()));
    expect(screen.getByText('Downloaded · 48 MB')).toBeTruthy();
    // A size far from the feed's is said under the control.
    const note = 'The file is 48 MB, but the feed said 120 MB: it may not be the whole episode.';
    await act(async () => fake.emit('downloadChanged', { ...completed(), note }));
    expect(screen.getByText(note)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Remove download' }));
    expect(await screen.findByRole('button', { name: 'Download' })).toBeTruthy();
    expect(fake.calls.some((call) => call.method === 'removeDownload')).toBe(true);
  });

  it('Cancel download brings the Download button back; a failed call is shown in words', async () => {
    const user = userEvent.setup();
    const fake = await renderApp();
    fake.network.set(episode.enclosure!.url, never);
    await openEpisode(user);
    await user.click(screen.getByRole('button', { name: 'Download' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel download' }));
    expect(await screen.findByRole('button', { name: 'Download' })).toBeTruthy();

    // The service answers "no download" for an episode it has no record of.
    await fake.app.call('removeDownload', { episodeId: 'e1' });
    await act(async () => fake.emit('downloadChanged', { ...completed(), state: 'paused', bytes: MB }));
    await user.click(screen.getByRole('button', { name: 'Resume download' }));
    expect((await screen.findByRole('alert')).textContent).toContain('That episode has no download.');
  });
  it('Retry that finishes before its answer arrives ends at Downloaded, not at a stale "Downloading 100%"', async () => {
    // The service answers Retry with the download as it is once started ("downloading", the new
    // queuedAt); events travel separately and a small local file can complete first.
    const failed: Download = { ...completed(), state: 'failed', bytes: 0, error: 'HTTP 404' };
    delete failed.completedAt;
    const user = userEvent.setup();
    const fake = await renderApp({ downloads: { e1: failed } });
    await openEpisode(user);
    await screen.findByRole('button', { name: 'Retry download' });

    const queuedAt = '2025-04-06T00:00:00Z';
    const { error: _error, ...rest } = failed;
    const started: Download = { ...rest, state: 'downloading', queuedAt };
    const done: Download = { ...completed(), queuedAt, completedAt: '2025-04-06T00:00:01Z' };
    let answer: (download: Download) => void = () => {};
    fake.overrides.retryDownload = () => {
      fake.emit('downloadChanged', { ...rest, state: 'queued', queuedAt });
      fake.emit('downloadChanged', started);
      return new Promise((resolve) => (answer = resolve));
    };
    await user.click(screen.getByRole('button', { name: 'Retry download' }));
    await act(async () => {
      fake.emit('downloadChanged', done);
      fake.emit('downloadProgress', { episodeId: 'e1', bytes: 48 * MB, total: 48 * MB, speed: MB, etaSeconds: 0 });
    });
    await act(async () => answer(structuredClone(started)));
    await settle();
    expect(screen.getByRole('button', { name: 'Remove download' })).toBeTruthy();
    expect(screen.getByText('Downloaded · 48 MB')).toBeTruthy();
    expect(screen.queryByRole('progressbar', { name: 'Download progress' })).toBeNull();
  });
});

describe('library and Downloads view', () => {
  it('marks downloaded episodes in the list with words for screen readers', async () => {
    await renderApp({ downloads: { e1: completed() } });
    const list = await screen.findByRole('list', { name: 'Episodes' });
    const row = within(list).getByRole('button', { name: episode.title }).closest('li')!;
    expect(await within(row).findByText('Downloaded')).toBeTruthy();
    const otherRow = within(list).getByRole('button', { name: other.title }).closest('li')!;
    expect(within(otherRow).queryByText('Downloaded')).toBeNull();
  });

  it('shows an empty state, then the downloaded episode with its size and the storage used', async () => {
    const user = userEvent.setup();
    const fake = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Downloads' }));
    expect(await screen.findByRole('heading', { name: 'Downloads' })).toBeTruthy();
    expect(screen.getByText('No downloads yet')).toBeTruthy();

    await act(() => fake.download('e1', 3 * MB));
    await act(async () => fake.emit('downloadChanged', completed(3 * MB)));
    const list = await screen.findByRole('list', { name: 'Downloaded episodes' });
    const item = within(list).getByRole('listitem', { name: episode.title });
    expect(within(item).getByText('Downloaded · 3 MB')).toBeTruthy();
    expect(await screen.findByText(/3 MB/, { selector: 'strong' })).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Storage per show' }).textContent).toContain('The Sample Show');

    await user.click(within(item).getByRole('button', { name: 'Remove download' }));
    expect(await screen.findByText('No downloads yet')).toBeTruthy();
  });
});

describe('settings', () => {
  it('has a Downloads section whose controls save the download settings', async () => {
    // jsdom has <dialog> but not its modal methods.
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
    HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
      this.removeAttribute('open');
    };
    const user = userEvent.setup();
    const fake = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    const dialog = screen.getByRole('dialog', { name: 'Settings', hidden: true });
    const section = within(dialog).getByRole('region', { name: 'Downloads', hidden: true });
    const inSection = within(section);
    await user.selectOptions(inSection.getByRole('combobox', { name: 'Simultaneous downloads', hidden: true }), '4');
    await user.click(inSection.getByRole('checkbox', { name: 'The Sample Show', hidden: true }));
    await user.selectOptions(inSection.getByRole('combobox', { name: 'Keep per show', hidden: true }), 'Newest 5');
    await user.selectOptions(
      inSection.getByRole('combobox', { name: 'Delete played downloads', hidden: true }),
      'After 7 days',
    );
    await user.selectOptions(inSection.getByRole('combobox', { name: 'Storage limit', hidden: true }), '5 GB');
    await user.selectOptions(inSection.getByRole('combobox', { name: 'Keep per show', hidden: true }), 'Off');
    const patches = fake.calls.filter((call) => call.method === 'updateSettings').map((call) => call.input);
    expect(patches).toEqual([
      { downloadConcurrency: 4 },
      { autoDownloadFeedIds: ['feed-1'] },
      { keepNewestPerShow: 5 },
      { deletePlayedAfterDays: 7 },
      { maxStorageMb: 5 * 1024 },
      { keepNewestPerShow: null },
    ]);
    expect(inSection.getByText(/never delete the episode you are playing/)).toBeTruthy();
  });
});

describe('player source', () => {
  it('plays a downloaded episode from its local file, with the format from the enclosure', async () => {
    const user = userEvent.setup();
    await renderApp({ downloads: { e1: completed() } });
    await openEpisode(user);
    await settle();
    const howl = fakeHowls.all().at(-1)!;
    expect(howl.options.src).toEqual(['earmark-media://episode/e1']);
    expect(howl.options.format).toEqual(['m4a']);
  });

  it('switches to the file at the same position when a download completes while paused', async () => {
    const user = userEvent.setup();
    const fake = await renderApp();
    await openEpisode(user);
    const stream = fakeHowls.all().at(-1)!;
    expect(stream.options.src).toEqual([episode.enclosure!.url]);
    stream.position = 42;
    await act(() => fake.download('e1', 48 * MB));
    await act(async () => fake.emit('downloadChanged', completed()));
    const local = fakeHowls.all().at(-1)!;
    expect(local).not.toBe(stream);
    expect(local.options.src).toEqual(['earmark-media://episode/e1']);
    expect(local.position).toBe(42);
  });

  it('while playing, waits for the next pause before switching; a removed file is left at once', async () => {
    const user = userEvent.setup();
    const fake = await renderApp();
    await openEpisode(user);
    await user.click(await screen.findByRole('button', { name: 'Play' }));
    const stream = fakeHowls.all().at(-1)!;
    await act(async () => stream.advance(10));
    await act(() => fake.download('e1', 48 * MB));
    await act(async () => fake.emit('downloadChanged', completed()));
    expect(fakeHowls.all().at(-1)).toBe(stream);
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    const local = fakeHowls.all().at(-1)!;
    expect(local.options.src).toEqual(['earmark-media://episode/e1']);
    expect(local.position).toBe(10);

    await user.click(screen.getByRole('button', { name: 'Play' }));
    await act(async () => fake.emit('downloadRemoved', { episodeId: 'e1' }));
    const back = fakeHowls.all().at(-1)!;
    expect(back.options.src).toEqual([episode.enclosure!.url]);
    expect(back.playing).toBe(true);
  });
});
