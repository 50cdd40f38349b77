// @vitest-environment jsdom
/**
 * The brand button "Earmark library" always ends on the library: by going back when the screen was
 * opened from the library (so the browser's Forward still works), else as a new history entry.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sampleEpisode } from './fake-bridge';
import { renderApp, resetAppBetweenTests } from './render-app';

vi.mock('howler', async () => ({ Howl: (await import('./fake-howler')).FakeHowl }));

const episode = sampleEpisode('e1', 'Socket management');
const library = () => screen.findByRole('list', { name: 'Episodes' });

resetAppBetweenTests();

describe('Earmark library (the brand button)', () => {
  it('from Downloads opened from Up next, shows the library, not Up next', async () => {
    const user = userEvent.setup();
    await renderApp({ episodes: [episode] });
    await library();
    await user.click(screen.getByRole('button', { name: 'Up next' }));
    await screen.findByRole('heading', { name: 'Up next', level: 1 });
    await user.click(screen.getByRole('button', { name: 'Downloads' }));
    await screen.findByRole('heading', { name: 'Downloads', level: 1 });
    await user.click(screen.getByRole('button', { name: 'Earmark library' }));
    expect(await library()).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Up next', level: 1 })).toBeNull();
  });

  it('from an episode opened in the library, goes back in history to it', async () => {
    const user = userEvent.setup();
    await renderApp({ episodes: [episode] });
    await user.click(await screen.findByRole('button', { name: episode.title }));
    await screen.findByRole('heading', { name: episode.title, level: 1 });
    const entries = history.length;
    await user.click(screen.getByRole('button', { name: 'Earmark library' }));
    expect(await library()).toBeTruthy();
    await waitFor(() => expect(history.state).toBeNull());
    expect(history.length).toBe(entries);
  });
});
