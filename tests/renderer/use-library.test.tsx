// @vitest-environment jsdom
/** useLibrary on its own: reloads whose answers arrive out of order. */
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../shared/api';
import type { EpisodeWithState } from '../../shared/types';
import { createFakeBridge, sampleEpisode } from './fake-bridge';

type Answer = (episodes: EpisodeWithState[]) => void;

/** A fake bridge whose listEpisodes answers only when the test says so, in any order. */
async function renderLibrary() {
  const fake = createFakeBridge();
  const answers: Answer[] = [];
  fake.bridge.listEpisodes = () =>
    new Promise<Envelope<EpisodeWithState[]>>((resolve) => {
      answers.push((episodes) => resolve({ ok: true, value: episodes }));
    });
  window.earmark = fake.bridge;
  vi.resetModules(); // api.ts picks its transport at import time.
  const { useLibrary } = await import('../../renderer/features/library/use-library');
  const hook = renderHook(() => useLibrary());
  await waitFor(() => expect(answers).toHaveLength(1)); // the first load asked
  return { ...hook, answers, fake };
}

const titles = (episodes: EpisodeWithState[]) => episodes.map((episode) => episode.title);

afterEach(() => {
  cleanup();
  delete window.earmark;
});

describe('useLibrary reloads', () => {
  it('shows an older answer that arrives first, then the newer one', async () => {
    const { result, answers } = await renderLibrary();
    void act(() => void result.current.reload());
    await waitFor(() => expect(answers).toHaveLength(2));

    // The first load answers while the second is still out: the list does not wait for it.
    await act(async () => answers[0]!([sampleEpisode('e1', 'First answer')]));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(titles(result.current.episodes)).toEqual(['First answer']);

    await act(async () => answers[1]!([sampleEpisode('e1', 'First answer'), sampleEpisode('e2', 'Newer answer')]));
    await waitFor(() => expect(titles(result.current.episodes)).toEqual(['First answer', 'Newer answer']));
  });

  it('drops an older answer that arrives after a newer one was shown', async () => {
    const { result, answers } = await renderLibrary();
    void act(() => void result.current.reload());
    await waitFor(() => expect(answers).toHaveLength(2));

    await act(async () => answers[1]!([sampleEpisode('e2', 'Newer answer')]));
    await waitFor(() => expect(titles(result.current.episodes)).toEqual(['Newer answer']));
    await act(async () => answers[0]!([sampleEpisode('e1', 'Stale answer')]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(titles(result.current.episodes)).toEqual(['Newer answer']);
  });
});
