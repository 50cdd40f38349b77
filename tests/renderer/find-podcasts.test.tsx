// @vitest-environment jsdom
/**
 * "Find podcasts" on the fake bridge: typing in one go asks the directory once; an answer to older
 * words that arrives after the newer one is ignored; keyboard: Enter searches at once, Escape clears
 * then closes and gives focus back to the button.
 */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { EarmarkError } from '../../electron/core/dispatch';
import type { DirectorySearch, DirectoryShow } from '../../shared/types';
import { renderApp, resetAppBetweenTests } from './render-app';

vi.mock('howler', async () => ({ Howl: (await import('./fake-howler')).FakeHowl }));

resetAppBetweenTests();

const show = (title: string): DirectoryShow => ({
  id: title,
  title,
  author: 'Someone',
  feedUrl: `https://feeds.example/${encodeURIComponent(title)}.xml`,
  episodeCount: 3,
  inLibrary: false,
});

type Fake = Awaited<ReturnType<typeof renderApp>>;

/** The directory answers when the test says so; returns each search's term and its answer function. */
function holdSearches(fake: Fake) {
  const pending: { term: string; answer: (shows: DirectoryShow[]) => void }[] = [];
  fake.overrides.searchDirectory = ({ term }) =>
    new Promise<DirectorySearch>((resolve) => {
      pending.push({ term, answer: (shows) => resolve({ term, shows }) });
    });
  return pending;
}

async function openFinder() {
  // delay: null types every key in one go, with no timer between keys.
  const user = userEvent.setup({ delay: null });
  await user.click(await screen.findByRole('button', { name: 'Find podcasts' }));
  const box = screen.getByRole('searchbox', { name: 'Find podcasts' });
  expect(document.activeElement).toBe(box);
  return { user, box };
}

describe('Find podcasts', () => {
  it('asks once for words typed in one go, and lists what the directory found', async () => {
    const fake = await renderApp();
    const pending = holdSearches(fake);
    const { user, box } = await openFinder();
    await user.type(box, 'backend');
    await vi.waitFor(() => expect(pending.map((p) => p.term)).toEqual(['backend']));
    await act(async () => pending[0]!.answer([show('Backend Banter')]));
    const list = screen.getByRole('list', { name: 'Podcasts found' });
    expect(within(list).getByRole('button', { name: 'Subscribe to Backend Banter' })).toBeTruthy();
    expect(list.textContent).toContain('Someone · 3 episodes');
  });

  it('ignores an answer to older words that arrives after the newer one', async () => {
    const fake = await renderApp();
    const pending = holdSearches(fake);
    const { user, box } = await openFinder();
    await user.type(box, 'back{Enter}');
    await user.type(box, 'end{Enter}');
    await vi.waitFor(() => expect(pending.map((p) => p.term)).toEqual(['back', 'backend']));
    await act(async () => pending[1]!.answer([show('Backend Banter')]));
    await act(async () => pending[0]!.answer([show('Old Slow Show')]));
    const list = screen.getByRole('list', { name: 'Podcasts found' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([expect.stringContaining('Backend Banter')]);
  });

  it('says when nothing matches, and when the directory fails', async () => {
    const fake = await renderApp();
    fake.overrides.searchDirectory = ({ term }) => {
      if (term === 'down')
        throw new EarmarkError('failed', "Couldn't reach the podcast directory: the connection was refused.");
      return { term, shows: [] };
    };
    const { user, box } = await openFinder();
    await user.type(box, 'zzz{Enter}');
    expect(await screen.findByText('No podcasts match “zzz”.')).toBeTruthy();
    await user.clear(box);
    await user.type(box, 'down{Enter}');
    await vi.waitFor(() =>
      expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toContain(
        "Couldn't reach the podcast directory: the connection was refused.",
      ),
    );
    expect(screen.queryByText('Searching…')).toBeNull();
  });

  it('Escape clears the words, then closes and gives focus back to the button', async () => {
    const fake = await renderApp();
    holdSearches(fake);
    const { user, box } = await openFinder();
    await user.type(box, 'abc');
    await user.keyboard('{Escape}');
    expect((box as HTMLInputElement).value).toBe('');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('searchbox', { name: 'Find podcasts' })).toBeNull();
    const button = screen.getByRole('button', { name: 'Find podcasts' });
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });
});
