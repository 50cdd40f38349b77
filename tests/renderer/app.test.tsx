// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../shared/types';
import { type FakeData, sampleEpisode, sampleFeed } from './fake-bridge';
import { fakeHowls } from './fake-howler';
import { renderApp as renderShell, resetAppBetweenTests } from './render-app';

vi.mock('howler', async () => ({ Howl: (await import('./fake-howler')).FakeHowl }));

const episodes = [
  sampleEpisode('e1', 'Socket management and Kernel Data structures', {
    showNotesHtml: '0:00 Intro\n1:38 Socket vs Connections<script>window.__xss=1</script>',
  }),
  sampleEpisode('e2', 'Does discipline work?', {
    state: { position: 98, played: false, updatedAt: '2025-04-05T00:00:00Z' },
  }),
  sampleEpisode('e3', 'The genius of long polling', {
    state: { position: 0, played: true, updatedAt: '2025-04-05T00:00:00Z' },
  }),
];

const renderApp = (data: Partial<FakeData> = {}) => renderShell({ episodes: episodes, ...data });

resetAppBetweenTests();

describe('library', () => {
  it('lists episodes in a list named Episodes, each opened by a button named exactly its title', async () => {
    await renderApp();
    const list = await screen.findByRole('list', { name: 'Episodes' });
    for (const episode of episodes) {
      expect(within(list).getByRole('button', { name: episode.title })).toBeTruthy();
    }
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Refresh feeds' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Feed URL' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Subscribe' })).toBeTruthy();
    // Listening state is in words: new, time left, played.
    expect(within(list).getByText('New')).toBeTruthy();
    expect(within(list).getByText(/min left/)).toBeTruthy();
    expect(within(list).getByText('Played')).toBeTruthy();
  });

  it('shows the offline snapshot badge and a refresh failure in words', async () => {
    await renderApp({
      feeds: [
        {
          id: 'feed-1',
          url: 'https://example.com/feed.xml',
          title: 'The Sample Show',
          description: '',
          snapshot: true,
          lastError: 'The feed server did not answer within 30 seconds',
        },
      ],
    });
    expect(await screen.findByText('Offline snapshot')).toBeTruthy();
    expect(screen.getByText(/Couldn't refresh: The feed server did not answer within 30 seconds/)).toBeTruthy();
  });

  it('counts shows done while several refresh together, and stops when the last is done', async () => {
    const fake = await renderApp();
    await screen.findByRole('list', { name: 'Episodes' });
    const status = () =>
      screen
        .getAllByRole('status')
        .map((node) => node.textContent)
        .join(' ');
    act(() => {
      for (const feedId of ['f1', 'f2', 'f3']) fake.emit('syncProgress', { feedId, url: '', phase: 'fetching' });
    });
    expect(status()).toContain('Refreshing shows: 0 of 3 done');
    act(() => fake.emit('syncResult', { feedId: 'f2', ok: true, added: 0, updated: 0 }));
    expect(status()).toContain('Refreshing shows: 1 of 3 done');
    act(() => {
      fake.emit('syncResult', { feedId: 'f1', ok: true, added: 0, updated: 0 });
      fake.emit('syncResult', { feedId: 'f3', ok: true, added: 0, updated: 0 });
    });
    expect(status()).not.toContain('Refreshing');
  });

  it('an episode of the offline snapshot says why it cannot play, and leaves the player alone', async () => {
    const user = userEvent.setup();
    const { enclosure: _none, ...withoutAudio } = sampleEpisode('s1', 'Does discipline work?');
    await renderApp({ feeds: [{ ...sampleFeed, snapshot: true }], episodes: [withoutAudio] });
    await user.click(await screen.findByRole('button', { name: 'Does discipline work?' }));
    expect(await screen.findByText(/The offline snapshot saved with Earmark has no audio/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Listen now' })).toHaveProperty('disabled', true);
    expect(screen.queryByText(/Couldn't play/)).toBeNull();
    expect(screen.queryByText(/no audio file/)).toBeNull();
    // Nothing to queue either: Up next would only stop at it.
    expect(screen.queryByRole('button', { name: 'Play next' })).toBeNull();
  });

  it('shows notices and dismisses them', async () => {
    const fake = await renderApp({
      notices: [{ id: 'n1', level: 'warning', text: 'Your settings were repaired.', at: '2025-01-01T00:00:00Z' }],
    });
    expect(await screen.findByText('Your settings were repaired.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss notice' }));
    expect(screen.queryByText('Your settings were repaired.')).toBeNull();
    expect(fake.calls.some((call) => call.method === 'dismissNotice')).toBe(true);
  });
});

describe('episode and player', () => {
  it('opens an episode: heading, sanitized notes, exactly one Play button, the Seek slider in whole seconds', async () => {
    const user = userEvent.setup();
    await renderApp();
    await user.click(await screen.findByRole('button', { name: episodes[0]!.title }));
    expect(await screen.findByRole('heading', { name: episodes[0]!.title })).toBeTruthy();
    const notes = screen.getByRole('region', { name: 'Show notes' });
    expect(notes.textContent).toContain('1:38 Socket vs Connections');
    expect(document.querySelector('script')).toBeNull();

    expect(await screen.findAllByRole('button', { name: 'Play' })).toHaveLength(1);
    // Other buttons may say "play" only as part of a longer name (Play next, Mark as played, the
    // show notes' Play from m:ss).
    const names = screen
      .queryAllByRole('button', { name: /play|pause/i })
      .map((b) => b.getAttribute('aria-label') ?? b.textContent?.trim());
    expect(
      names.filter((name) => !/^(Play next( in Up next)?|Mark as (un)?played|Play from [\d:]+)$/.test(name ?? '')),
    ).toEqual(['Play']);
    const seek = screen.getByRole('slider', { name: 'Seek' });
    expect(seek.getAttribute('aria-valuenow')).toBe('0');
    expect(seek.getAttribute('aria-valuemin')).toBe('0');
    expect(seek.getAttribute('aria-valuemax')).toBe('1862');
    expect(seek.getAttribute('aria-valuetext')).toBe('0:00 of 31:02');
    expect(screen.getByRole('combobox', { name: 'Playback speed' })).toBeTruthy();
  });

  it('plays, advances, skips by the configured amounts and saves the position on pause', async () => {
    const user = userEvent.setup();
    const fake = await renderApp();
    await user.click(await screen.findByRole('button', { name: episodes[0]!.title }));
    await user.click(await screen.findByRole('button', { name: 'Play' }));
    expect(await screen.findByRole('button', { name: 'Pause' })).toBeTruthy();

    const howl = fakeHowls.all().at(-1)!;
    await act(async () => {
      howl.advance(98.4);
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    const seek = screen.getByRole('slider', { name: 'Seek' });
    expect(seek.getAttribute('aria-valuenow')).toBe('98');
    expect(seek.getAttribute('aria-valuetext')).toBe('1:38 of 31:02');

    await user.click(screen.getByRole('button', { name: 'Skip forward 30 seconds' }));
    expect(seek.getAttribute('aria-valuenow')).toBe('128');
    await user.click(screen.getByRole('button', { name: 'Skip back 15 seconds' }));
    expect(seek.getAttribute('aria-valuenow')).toBe('113');

    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(screen.getByRole('button', { name: 'Play' })).toBeTruthy();
    const saved = fake.calls.filter((call) => call.method === 'setEpisodeState').at(-1);
    expect(saved?.input).toMatchObject({ id: 'e1', position: 113.4 });
  });

  it('browsing another episode keeps a paused, part-played one in the player until Listen now', async () => {
    const user = userEvent.setup();
    await renderApp();
    await user.click(await screen.findByRole('button', { name: episodes[0]!.title }));
    await user.click(await screen.findByRole('button', { name: 'Play' }));
    await act(async () => {
      fakeHowls.all().at(-1)!.advance(40);
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await user.click(screen.getByRole('button', { name: 'Pause' }));

    await user.click(screen.getByRole('button', { name: 'Back to library' }));
    await user.click(await screen.findByRole('button', { name: episodes[2]!.title }));
    await screen.findByRole('heading', { name: episodes[2]!.title });
    const player = screen.getByRole('region', { name: 'Player' });
    expect(within(player).getByText(episodes[0]!.title)).toBeTruthy();
    expect(screen.getByRole('slider', { name: 'Seek' }).getAttribute('aria-valuenow')).toBe('40');

    // The episode page's own button swaps the player over and plays.
    await user.click(screen.getByRole('button', { name: 'Listen now' }));
    expect(await within(player).findByText(episodes[2]!.title)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
  });

  it('browsing another episode replaces one that was loaded but never started', async () => {
    const user = userEvent.setup();
    await renderApp();
    await user.click(await screen.findByRole('button', { name: episodes[0]!.title }));
    await screen.findByRole('button', { name: 'Play' });
    await user.click(screen.getByRole('button', { name: 'Back to library' }));
    await user.click(await screen.findByRole('button', { name: episodes[2]!.title }));
    const player = screen.getByRole('region', { name: 'Player' });
    expect(await within(player).findByText(episodes[2]!.title)).toBeTruthy();
  });

  it('audio that cannot be reached says so in the player and offers Try again', async () => {
    const user = userEvent.setup();
    await renderApp();
    await user.click(await screen.findByRole('button', { name: episodes[0]!.title }));
    await screen.findByRole('button', { name: 'Play' });
    const onloaderror = fakeHowls.all().at(-1)!.options.onloaderror as (id: number, code: number) => void;
    act(() => onloaderror(1, 4)); // the server is down: MediaError code 4
    const player = screen.getByRole('region', { name: 'Player' });
    expect(within(player).getByText(/^Couldn't reach this episode's audio/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Play' })).toHaveProperty('disabled', true);
    // The bar has room for two lines; the whole sentence is a notice, once.
    const notice = await screen.findByRole('alert');
    expect(notice.textContent).toMatch(
      new RegExp(
        `^${episodes[0]!.title}: Couldn't reach this episode's audio: .*Download episodes to listen offline\\.`,
      ),
    );

    await user.click(within(player).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Pause' })).toBeTruthy();
    expect(within(player).queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('resumes from the saved position', async () => {
    const user = userEvent.setup();
    await renderApp();
    await user.click(await screen.findByRole('button', { name: episodes[1]!.title }));
    expect(await screen.findByRole('button', { name: 'Resume from 1:38' })).toBeTruthy();
    expect(screen.getByRole('slider', { name: 'Seek' }).getAttribute('aria-valuenow')).toBe('98');
    expect(fakeHowls.all().at(-1)!.position).toBe(98);
  });

  it('Space toggles playback when focus is not in a field', async () => {
    const user = userEvent.setup();
    await renderApp();
    await user.click(await screen.findByRole('button', { name: episodes[0]!.title }));
    await screen.findByRole('button', { name: 'Play' });
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard(' ');
    expect(await screen.findByRole('button', { name: 'Pause' })).toBeTruthy();
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard(' ');
    expect(await screen.findByRole('button', { name: 'Play' })).toBeTruthy();
  });

  it('after a click on the seek bar, Space still plays and pauses and Shift+→ goes to the next chapter', async () => {
    const user = userEvent.setup();
    const chapters = [
      { start: 0, title: 'Intro' },
      { start: 98, title: 'The topic' },
    ];
    await renderApp({ chapters: { [episodes[0]!.id]: chapters } });
    await user.click(await screen.findByRole('button', { name: episodes[0]!.title }));
    await screen.findByRole('button', { name: 'Play' });
    const seek = screen.getByRole('slider', { name: 'Seek' });
    await user.click(seek);
    expect(document.activeElement).toBe(seek);
    await user.keyboard(' ');
    expect(await screen.findByRole('button', { name: 'Pause' })).toBeTruthy();
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}');
    expect(Math.floor(fakeHowls.all().at(-1)!.position)).toBe(98);
    await user.keyboard(' ');
    expect(await screen.findByRole('button', { name: 'Play' })).toBeTruthy();
  });

  it('a timestamp in the show notes plays the episode from there', async () => {
    const user = userEvent.setup();
    const withTimes = sampleEpisode('e9', 'Timed notes', { showNotesHtml: '<p>0:00 Intro<br>1:38 The topic</p>' });
    await renderApp({ episodes: [withTimes] });
    await user.click(await screen.findByRole('button', { name: 'Timed notes' }));
    const notes = (await screen.findByRole('heading', { name: 'Show notes' })).closest('section')!;
    await user.click(within(notes).getByRole('button', { name: 'Play from 1:38' }));
    expect(await screen.findByRole('button', { name: 'Pause' })).toBeTruthy();
    expect(fakeHowls.all().at(-1)!.position).toBe(98);
    expect(screen.getByRole('slider', { name: 'Seek' }).getAttribute('aria-valuenow')).toBe('98');
  });

  it("the player shows the playing chapter's picture, else the episode's (also when the chapter's fails)", async () => {
    const user = userEvent.setup();
    const pictured = sampleEpisode('e7', 'Pictured', { artwork: 'https://img.example/episode.png' });
    const chapters = [
      { start: 0, title: 'Intro', image: 'https://img.example/intro.png' },
      { start: 98, title: 'Plain' },
    ];
    await renderApp({ episodes: [pictured], chapters: { e7: chapters } });
    await user.click(await screen.findByRole('button', { name: 'Pictured' }));
    await user.click(await screen.findByRole('button', { name: 'Play' }));
    const player = screen.getByRole('region', { name: 'Player' });
    const picture = () => player.querySelector('.player-bar__art-button img')?.getAttribute('src');
    await waitFor(() => expect(picture()).toBe('https://img.example/intro.png'));
    act(() => player.querySelector('.player-bar__art-button img')!.dispatchEvent(new Event('error')));
    expect(picture()).toBe('https://img.example/episode.png');

    await user.keyboard('{Shift>}{ArrowRight}{/Shift}');
    await waitFor(() => expect(within(player).getByText('Plain')).toBeTruthy());
    expect(picture()).toBe('https://img.example/episode.png');
  });

  it('skip buttons follow the settings', async () => {
    const user = userEvent.setup();
    // Settings as an older Earmark saved them (fewer keys): the renderer fills in the defaults.
    const olderSettings = { skipBackSeconds: 10, skipForwardSeconds: 45, playbackRate: 1.5, theme: 'dark' };
    await renderApp({ settings: olderSettings as FakeData['settings'] });
    await user.click(await screen.findByRole('button', { name: episodes[0]!.title }));
    expect(await screen.findByRole('button', { name: 'Skip back 10 seconds' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Skip forward 45 seconds' })).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Playback speed' }) as HTMLSelectElement).value).toBe('1.5');
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('a show with a pinned speed keeps the speed chosen in the menu, and says so', async () => {
    const user = userEvent.setup();
    const fake = await renderApp({ settings: { ...defaultSettings, speedByFeed: { [sampleFeed.id]: 1.5 } } });
    await user.click(await screen.findByRole('button', { name: episodes[0]!.title }));
    const speed = (await screen.findByRole('combobox', { name: 'Playback speed' })) as HTMLSelectElement;
    expect(speed.value).toBe('1.5');
    await user.selectOptions(speed, '2');
    expect(await screen.findByText(`${sampleFeed.title} now plays at 2×`)).toBeTruthy();
    expect(fake.store.settings.speedByFeed).toEqual({ [sampleFeed.id]: 2 });
    expect(speed.value).toBe('2');
    expect(
      screen.getByRole('button', { name: `Use this speed for ${sampleFeed.title}` }).getAttribute('aria-pressed'),
    ).toBe('true');
  });
});
