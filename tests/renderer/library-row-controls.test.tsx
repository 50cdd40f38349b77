// @vitest-environment jsdom
/**
 * A library row's own play/pause and download buttons: play is named with the episode's title
 * ("Play …", "Pause …", "Resume …"; the bare "Play"/"Pause" stay the player bar's), loads and plays
 * the episode, and is disabled without audio; the download button follows the download (Download →
 * Pause download / Resume download → Retry download) and a finished one reads as "Downloaded".
 */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Download } from '../../shared/types';
import { sampleEpisode, type FakeData } from './fake-bridge';
import { fakeHowls } from './fake-howler';
import { renderApp as renderShell, resetAppBetweenTests } from './render-app';

vi.mock('howler', async () => ({ Howl: (await import('./fake-howler')).FakeHowl }));

const MB = 1024 * 1024;
const sockets = sampleEpisode('e1', 'Socket management', {
  enclosure: { url: 'https://cdn.example.com/e1.mp3', type: 'audio/mpeg', length: 48 * MB },
});
const discipline = sampleEpisode('e2', 'Does discipline work?', {
  state: { position: 300, played: false, updatedAt: '2025-04-05T00:00:00Z' },
});
const silent = sampleEpisode('e3', 'Show notes only', { enclosure: undefined });

const renderApp = (data: Partial<FakeData> = {}) => renderShell({ episodes: [sockets, discipline, silent], ...data });

const download = (state: Download['state'], extra: Partial<Download> = {}): Download => ({
  episodeId: 'e1',
  feedId: 'feed-1',
  url: sockets.enclosure!.url,
  state,
  bytes: state === 'completed' ? 48 * MB : 12 * MB,
  total: 48 * MB,
  queuedAt: '2025-04-05T00:00:00Z',
  ...extra,
});

/** The list item of the episode titled `title`. */
async function row(title: string): Promise<HTMLElement> {
  const list = await screen.findByRole('list', { name: 'Episodes' });
  return within(list).getByRole('button', { name: title }).closest('li')!;
}

resetAppBetweenTests();

describe('library row play button', () => {
  it('is named with the title, plays the episode in the player, and pauses it', async () => {
    const user = userEvent.setup();
    await renderApp();
    const item = await row(sockets.title);
    await user.click(within(item).getByRole('button', { name: 'Play Socket management' }));

    const player = await screen.findByRole('region', { name: 'Player' });
    expect(within(player).getByText(sockets.title)).toBeTruthy();
    expect(await within(player).findByRole('button', { name: 'Pause' })).toBeTruthy();
    const pause = await within(item).findByRole('button', { name: 'Pause Socket management' });

    expect(within(item).getByText('Now playing')).toBeTruthy();
    await act(async () => {
      fakeHowls.all().at(-1)!.advance(5);
      await new Promise((resolve) => setTimeout(resolve, 300));
    });

    await user.click(pause);
    expect(await within(player).findByRole('button', { name: 'Play' })).toBeTruthy();
    expect(within(item).queryByRole('button', { name: 'Pause Socket management' })).toBeNull();
    // Paused is not "Now playing".
    expect(within(item).getByText('Paused')).toBeTruthy();
    expect(within(item).queryByText('Now playing')).toBeNull();
  });

  it('says New, not Paused, for an episode only opened (its page loads it into the player)', async () => {
    const user = userEvent.setup();
    await renderApp();
    await user.click(within(await row(sockets.title)).getByRole('button', { name: sockets.title }));
    await screen.findByRole('heading', { name: sockets.title, level: 1 });
    await user.click(screen.getByRole('button', { name: 'Earmark library' }));
    const item = await row(sockets.title);
    expect(within(item).getByText('New')).toBeTruthy();
    expect(within(item).queryByText('Paused')).toBeNull();
  });

  it('says "Couldn\'t play" on the row, not "Now playing", when the audio fails to load', async () => {
    const user = userEvent.setup();
    await renderApp();
    const item = await row(sockets.title);
    await user.click(within(item).getByRole('button', { name: 'Play Socket management' }));
    await within(item).findByText('Now playing');
    const howl = fakeHowls.all().at(-1)!;
    act(() => (howl.options.onloaderror as (id: number, detail: unknown) => void)(1, 'MEDIA_ERR_NETWORK'));
    expect(await within(item).findByText("Couldn't play")).toBeTruthy();
    expect(within(item).queryByText('Now playing')).toBeNull();
  });

  it('offline, episodes that are not downloaded say so and cannot be played; a download still plays', async () => {
    const user = userEvent.setup();
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      await renderApp({ downloads: { e1: download('completed') } });
      act(() => void window.dispatchEvent(new Event('offline')));
      const gone = await row(discipline.title);
      expect(within(gone).getByText('Not downloaded — unavailable offline')).toBeTruthy();
      expect(
        (within(gone).getByRole('button', { name: `Resume ${discipline.title}` }) as HTMLButtonElement).disabled,
      ).toBe(true);
      const kept = await row(sockets.title);
      expect(within(kept).queryByText(/unavailable offline/)).toBeNull();
      expect((within(kept).getByRole('button', { name: `Play ${sockets.title}` }) as HTMLButtonElement).disabled).toBe(
        false,
      );

      await user.click(within(gone).getByRole('button', { name: discipline.title }));
      expect(await screen.findByText(/^Not downloaded — unavailable offline\./)).toBeTruthy();
      expect((screen.getByRole('button', { name: /^Resume from/ }) as HTMLButtonElement).disabled).toBe(true);

      // Back online: playable again, without a reload.
      onLine.mockReturnValue(true);
      act(() => void window.dispatchEvent(new Event('online')));
      expect((screen.getByRole('button', { name: /^Resume from/ }) as HTMLButtonElement).disabled).toBe(false);
    } finally {
      onLine.mockRestore();
    }
  });

  it('never takes the bare names "Play" or "Pause", which belong to the player bar', async () => {
    const user = userEvent.setup();
    await renderApp();
    const list = await screen.findByRole('list', { name: 'Episodes' });
    await user.click(within(list).getByRole('button', { name: 'Play Socket management' }));
    await screen.findByRole('button', { name: 'Pause' });
    expect(within(list).queryByRole('button', { name: 'Play' })).toBeNull();
    expect(within(list).queryByRole('button', { name: 'Pause' })).toBeNull();
    expect(screen.getAllByRole('button', { name: 'Pause' })).toHaveLength(1);
  });

  it('says Resume for a part-played episode and is disabled without audio', async () => {
    await renderApp();
    expect(
      within(await row(discipline.title)).getByRole('button', { name: 'Resume Does discipline work?' }),
    ).toBeTruthy();
    const none = within(await row(silent.title));
    expect(none.getByRole('button', { name: 'Play Show notes only' }).hasAttribute('disabled')).toBe(true);
    expect(none.getByRole('button', { name: 'Download' }).hasAttribute('disabled')).toBe(true);
  });

  it('shares the row’s Tab stop: only the active row’s buttons are in the Tab order', async () => {
    await renderApp();
    const first = within(await row(sockets.title));
    const second = within(await row(discipline.title));
    expect(first.getByRole('button', { name: 'Play Socket management' }).tabIndex).toBe(0);
    expect(first.getByRole('button', { name: 'Download' }).tabIndex).toBe(0);
    expect(second.getByRole('button', { name: 'Resume Does discipline work?' }).tabIndex).toBe(-1);
    expect(second.getByRole('button', { name: 'Download' }).tabIndex).toBe(-1);
  });
});

describe('library row download button', () => {
  it('starts a download, then pauses and resumes it from its progress ring', async () => {
    const user = userEvent.setup();
    const fake = await renderApp();
    const item = await row(sockets.title);
    const start = within(item).getByRole('button', { name: 'Download' });
    // The button says which episode it is about.
    expect(document.getElementById(start.getAttribute('aria-describedby')!)?.textContent).toBe(sockets.title);
    await user.click(start);
    expect(fake.calls.some((call) => call.method === 'downloadEpisode')).toBe(true);

    await act(async () => {
      fake.emit('downloadChanged', download('downloading'));
      fake.emit('downloadProgress', { episodeId: 'e1', bytes: 12 * MB, total: 48 * MB, speed: MB, etaSeconds: 36 });
    });
    expect(within(item).getByText('Downloading, 25%')).toBeTruthy();
    await user.click(within(item).getByRole('button', { name: 'Pause download' }));
    expect(fake.calls.some((call) => call.method === 'pauseDownload')).toBe(true);
    await user.click(await within(item).findByRole('button', { name: 'Resume download' }));
    expect(fake.calls.some((call) => call.method === 'retryDownload')).toBe(true);
    expect(await within(item).findByRole('button', { name: 'Pause download' })).toBeTruthy();
  });

  it('after a failure says so in words and offers Retry download', async () => {
    const user = userEvent.setup();
    const fake = await renderApp({ downloads: { e1: download('failed', { error: 'HTTP 404' }) } });
    const item = await row(sockets.title);
    expect(await within(item).findByText('Download failed')).toBeTruthy();
    await user.click(within(item).getByRole('button', { name: 'Retry download' }));
    expect(fake.calls.some((call) => call.method === 'retryDownload')).toBe(true);
  });

  it('shows a finished download as the state "Downloaded", not as a button', async () => {
    await renderApp({ downloads: { e1: download('completed') } });
    const item = await row(sockets.title);
    expect(await within(item).findByText('Downloaded')).toBeTruthy();
    expect(within(item).queryByRole('button', { name: /download/i })).toBeNull();
    // Still playable from the row.
    expect(within(item).getByRole('button', { name: 'Play Socket management' })).toBeTruthy();
  });
});
