// @vitest-environment jsdom
/**
 * useLibrary and useEpisodeWindow on their own: reloads whose answers arrive out of order, and a
 * big library asked a page at a time.
 */
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EpisodeWithState, Feed } from '../../shared/types';
import { noFilters } from '../../renderer/features/library/episode-filter';
import type { EpisodeQuery } from '../../renderer/features/library/use-episode-window';
import { closeFakeBridges, createFakeBridge, sampleEpisode, sampleFeed, type FakeData } from './fake-bridge';

afterEach(async () => {
  cleanup();
  delete window.earmark;
  await closeFakeBridges();
});

/** api.ts picks its transport at import time: import the hooks after the fake is in place. */
async function withBridge(data: Partial<FakeData> = {}) {
  const fake = await createFakeBridge(data);
  window.earmark = fake.bridge;
  vi.resetModules();
  const { useLibrary } = await import('../../renderer/features/library/use-library');
  const { useEpisodeWindow, PAGE_SIZE } = await import('../../renderer/features/library/use-episode-window');
  return { fake, useLibrary, useEpisodeWindow, PAGE_SIZE };
}

describe('useLibrary reloads', () => {
  type Answer = (feeds: Feed[]) => void;

  /** listFeeds answers only when the test says so, in any order. */
  async function renderLibrary() {
    const { fake, useLibrary } = await withBridge();
    const answers: Answer[] = [];
    fake.overrides.listFeeds = () => new Promise<Feed[]>((resolve) => answers.push(resolve));
    const hook = renderHook(() => useLibrary());
    await waitFor(() => expect(answers).toHaveLength(1)); // the first load asked
    return { ...hook, answers };
  }
  const feed = (title: string): Feed => ({ ...sampleFeed, title });
  const titles = (feeds: Feed[]) => feeds.map((item) => item.title);

  it('shows an older answer that arrives first, then the newer one', async () => {
    const { result, answers } = await renderLibrary();
    void act(() => void result.current.reload());
    await waitFor(() => expect(answers).toHaveLength(2));

    // The first load answers while the second is still out: the library does not wait for it.
    await act(async () => answers[0]!([feed('First answer')]));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(titles(result.current.feeds)).toEqual(['First answer']);

    await act(async () => answers[1]!([feed('Newer answer')]));
    await waitFor(() => expect(titles(result.current.feeds)).toEqual(['Newer answer']));
  });

  it('drops an older answer that arrives after a newer one was shown', async () => {
    const { result, answers } = await renderLibrary();
    void act(() => void result.current.reload());
    await waitFor(() => expect(answers).toHaveLength(2));

    await act(async () => answers[1]!([feed('Newer answer')]));
    await waitFor(() => expect(titles(result.current.feeds)).toEqual(['Newer answer']));
    await act(async () => answers[0]!([feed('Stale answer')]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(titles(result.current.feeds)).toEqual(['Newer answer']);
  });
});

describe('useEpisodeWindow', () => {
  const many = (count: number) =>
    Array.from({ length: count }, (_, i) => sampleEpisode(`e${i}`, `Episode ${count - i}${i % 2 ? ' odd' : ''}`));

  async function renderWindow(data: Partial<FakeData>, query: Partial<EpisodeQuery> = {}) {
    const { fake, useEpisodeWindow, PAGE_SIZE } = await withBridge(data);
    const hook = renderHook(({ q, changes }: { q: EpisodeQuery; changes: number }) => useEpisodeWindow(q, changes), {
      initialProps: { q: { ...noFilters, ...query }, changes: 1 },
    });
    await waitFor(() => expect(hook.result.current.loading).toBe(false));
    const asked = () => fake.calls.filter((call) => call.method === 'listEpisodes').map((call) => call.input);
    return { ...hook, fake, asked, PAGE_SIZE };
  }

  it('asks for a count and the first page only, then each page scrolled to, once', async () => {
    const { result, asked, PAGE_SIZE } = await renderWindow({ episodes: many(1000) });
    expect(result.current.total).toBe(1000);
    expect(asked()).toEqual([{ sort: 'newest', offset: 0, limit: PAGE_SIZE }]);
    expect(result.current.at(0)?.title).toBe('Episode 1000');
    expect(result.current.at(PAGE_SIZE)).toBeUndefined();

    act(() => result.current.show([999, 0, 998]));
    act(() => result.current.show([999, 0]));
    await waitFor(() => expect(result.current.at(999)?.title).toBe('Episode 1 odd'));
    expect(asked()).toHaveLength(2);
    expect(asked()[1]).toMatchObject({ offset: 900, limit: PAGE_SIZE });
    expect(result.current.find('e950')?.title).toBe('Episode 50');
  });

  it('counts the filtered and the whole list, and starts a new filter at the top', async () => {
    const { result, rerender, asked } = await renderWindow({ episodes: many(300) });
    act(() => result.current.show([250]));
    await waitFor(() => expect(result.current.at(250)).toBeDefined());

    rerender({ q: { ...noFilters, text: ' ODD ', sort: 'oldest' }, changes: 1 });
    await waitFor(() => expect(result.current.total).toBe(150));
    expect(result.current.unfiltered).toBe(300);
    expect(result.current.at(0)?.title).toBe('Episode 1 odd');
    expect(asked().at(-1)).toEqual({ text: 'ODD', sort: 'oldest', offset: 0, limit: 100 });
  });

  it('keeps the newer answer when an older one arrives after it', async () => {
    const { result, rerender, fake } = await renderWindow({ episodes: many(3) });
    // Hold the next count answers and release them in reverse order.
    const held: (() => void)[] = [];
    const countEpisodes = fake.bridge.countEpisodes;
    fake.bridge.countEpisodes = (input) =>
      new Promise((resolve) => held.push(() => void countEpisodes(input).then(resolve)));

    rerender({ q: { ...noFilters, text: 'Episode 1' }, changes: 1 });
    rerender({ q: { ...noFilters, text: 'Episode 3' }, changes: 1 });
    await waitFor(() => expect(held.length).toBeGreaterThanOrEqual(4));
    await act(async () => [...held].reverse().forEach((release) => release()));
    await waitFor(() => expect(result.current.at(0)?.title).toBe('Episode 3'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(result.current.total).toBe(1);
    expect(result.current.at(0)?.title).toBe('Episode 3');
  });

  it('asks again when a saved state takes an episode out of Hide played', async () => {
    const { result, fake } = await renderWindow({ episodes: many(3) }, { hidePlayed: true });
    expect(result.current.total).toBe(3);
    const first = result.current.at(0) as EpisodeWithState;
    const played = { ...first.state, played: true };
    await fake.app.call('setEpisodeState', { id: first.id, played: true });
    act(() => result.current.patch(first.id, played));
    await waitFor(() => expect(result.current.total).toBe(2));
    expect(result.current.at(0)?.id).not.toBe(first.id);
  });
});
