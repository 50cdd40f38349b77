// @vitest-environment jsdom
/** Up next counts what is left to hear: the player's position for the loaded episode, saved positions for the rest. */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sampleEpisode } from './fake-bridge';
import { fakeHowls } from './fake-howler';
import { renderApp, resetAppBetweenTests } from './render-app';

vi.mock('howler', async () => ({ Howl: (await import('./fake-howler')).FakeHowl }));

resetAppBetweenTests();

const updatedAt = '2025-04-05T00:00:00Z';
// Each 1862 s (31 min) long.
const episodes = [
  sampleEpisode('e1', 'Alpha episode'),
  sampleEpisode('e2', 'Bravo episode', { state: { position: 98, played: false, updatedAt } }),
  sampleEpisode('e3', 'Charlie episode', { state: { position: 0, played: true, updatedAt } }),
];

const itemText = (title: string) =>
  within(screen.getByRole('list', { name: 'Up next' }))
    .getAllByRole('listitem')
    .find((item) => item.textContent?.includes(title))?.textContent;

describe('Up next: time in total', () => {
  it('counts what is left of each episode, the playing one from where the player is', async () => {
    const user = userEvent.setup();
    await renderApp({ episodes, queue: ['e1', 'e2', 'e3'] });
    await user.click(await screen.findByRole('button', { name: 'Alpha episode' }));
    await user.click(await screen.findByRole('button', { name: 'Play' }));
    // 21 minutes in: 10 minutes of Alpha are left.
    await act(async () => {
      fakeHowls.all().at(-1)!.advance(1262);
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await user.click(screen.getByRole('button', { name: 'Up next' }));
    await screen.findByRole('list', { name: 'Up next' });

    expect(itemText('Alpha episode')).toContain('10 min left');
    expect(itemText('Bravo episode')).toContain('29 min left');
    // A played episode starts over: all of it.
    expect(itemText('Charlie episode')).toContain('31 min');
    // 600 + 1764 + 1862 s = 70 min.
    expect(screen.getByText('3 episodes · 1 h 10 min in total')).toBeTruthy();
  });
});
