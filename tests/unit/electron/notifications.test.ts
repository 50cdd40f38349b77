/**
 * OS notifications for new episodes: only with the setting on, with the show and the episode in
 * them, and a click opens the newest one. `electron` is mocked only because the binary cannot
 * exist here; the real Notification is exercised by the `_electron` suite.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeepLink } from '../../../shared/deep-link.js';
import type { EarmarkApp } from '../../../electron/core/app.js';

const electron = vi.hoisted(() => {
  const shown: { title: string; body: string; silent?: boolean; click?: () => void }[] = [];
  const state = { supported: true };
  class Notification {
    private readonly options: { title: string; body: string; silent?: boolean };
    private onClick?: () => void;
    static isSupported() {
      return state.supported;
    }
    constructor(options: { title: string; body: string; silent?: boolean }) {
      this.options = options;
    }
    on(event: string, listener: () => void) {
      if (event === 'click') this.onClick = listener;
      return this;
    }
    show() {
      shown.push({ ...this.options, click: this.onClick });
    }
  }
  return { shown, state, Notification };
});
vi.mock('electron', () => ({ Notification: electron.Notification }));

const { notifyNewEpisodes } = await import('../../../electron/notifications.js');

type Listener = (event: string, payload: unknown) => void;

/** Just the part of EarmarkApp the notifier uses: the event bus and getSettings. */
function fakeEarmark(settings: { notifyNewEpisodes: boolean }) {
  const listeners: Listener[] = [];
  const earmark = {
    events: { subscribe: (listener: Listener) => listeners.push(listener) },
    handlers: { getSettings: async () => settings },
  } as unknown as EarmarkApp;
  const emit = (event: string, payload: unknown) => listeners.forEach((listener) => listener(event, payload));
  return { earmark, emit };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const oneNew = {
  feedId: 'f1',
  feedTitle: 'The Fixture Engineering Show',
  episodes: [{ id: 'e9', title: 'Load Balancers at Layer 4' }],
};

beforeEach(() => {
  electron.shown.length = 0;
  electron.state.supported = true;
});

describe('new-episode notifications', () => {
  it('with the setting on, names the show and the episode; a click opens it at the start', async () => {
    const { earmark, emit } = fakeEarmark({ notifyNewEpisodes: true });
    const opened: DeepLink[] = [];
    notifyNewEpisodes(earmark, (link) => opened.push(link));
    emit('newEpisodes', oneNew);
    await settle();
    expect(electron.shown).toMatchObject([
      { title: 'New on The Fixture Engineering Show', body: 'Load Balancers at Layer 4', silent: true },
    ]);
    electron.shown[0]?.click?.();
    expect(opened).toEqual([{ episodeId: 'e9', t: 0 }]);
  });

  it('counts several new episodes and shows the newest', async () => {
    const { earmark, emit } = fakeEarmark({ notifyNewEpisodes: true });
    notifyNewEpisodes(earmark, () => {});
    emit('newEpisodes', {
      ...oneNew,
      episodes: [
        { id: 'e9', title: 'Load Balancers at Layer 4' },
        { id: 'e8', title: 'Timeouts' },
      ],
    });
    await settle();
    expect(electron.shown).toMatchObject([
      { title: '2 new episodes of The Fixture Engineering Show', body: 'Load Balancers at Layer 4' },
    ]);
  });

  it('shows nothing with the setting off, for other events, or where the OS has no notifications', async () => {
    const off = fakeEarmark({ notifyNewEpisodes: false });
    notifyNewEpisodes(off.earmark, () => {});
    off.emit('newEpisodes', oneNew);

    const on = fakeEarmark({ notifyNewEpisodes: true });
    notifyNewEpisodes(on.earmark, () => {});
    on.emit('libraryChanged', { feedIds: ['f1'] });
    on.emit('newEpisodes', { ...oneNew, episodes: [] });
    electron.state.supported = false;
    on.emit('newEpisodes', oneNew);

    await settle();
    expect(electron.shown).toEqual([]);
  });
});
