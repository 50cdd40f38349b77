// @vitest-environment jsdom
/**
 * Search with no hits says which terms found nothing; one hit is "1 result"; a transcript hit shows its
 * time and opens the episode there, as a chapter hit does.
 */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SearchGroup } from '../../shared/types';
import { fakeHowls } from './fake-howler';
import { sampleEpisode } from './fake-bridge';
import { renderApp, resetAppBetweenTests } from './render-app';

vi.mock('howler', async () => ({ Howl: (await import('./fake-howler')).FakeHowl }));

resetAppBetweenTests();

describe('search', () => {
  it('echoes the terms when nothing matches', async () => {
    const fake = await renderApp({ episodes: [sampleEpisode('e1', 'Alpha episode')] });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('searchbox', { name: 'Search' }), '  zebra crossing ');
    const results = screen.getByRole('region', { name: 'Search results' });
    expect(await within(results).findByText('No notes, chapters or episodes match “zebra crossing”')).toBeTruthy();
    expect(fake.calls.find((call) => call.method === 'search')?.input).toMatchObject({ query: 'zebra crossing' });
  });

  it('announces one hit as "1 result"', async () => {
    // The real search: one hit, the title (show notes without the word).
    await renderApp({ episodes: [sampleEpisode('e1', 'Alpha episode', { showNotesHtml: '<p>Other words</p>' })] });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('searchbox', { name: 'Search' }), 'alpha');
    const results = screen.getByRole('region', { name: 'Search results' });
    expect(await within(results).findByText('1 result for alpha')).toBeTruthy();
  });

  it('shows a transcript hit with its time, and opens the episode paused at that cue', async () => {
    const groups: SearchGroup[] = [
      {
        episodeId: 'e1',
        title: 'Alpha episode',
        hits: [{ kind: 'transcript', at: 754, snippet: 'the accept queue fills up', match: [4, 16], exact: true }],
        moreHits: 3,
      },
    ];
    // The transcript service is not here yet: the search answers as it will with a transcript indexed.
    await renderApp({ episodes: [sampleEpisode('e1', 'Alpha episode')] }, { overrides: { search: () => groups } });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('searchbox', { name: 'Search' }), 'accept queue');
    const results = screen.getByRole('region', { name: 'Search results' });
    const hit = await within(results).findByRole('button', { name: 'Transcript · 12:34 the accept queue fills up' });
    expect(hit.querySelector('mark')?.textContent).toBe('accept queue');
    expect(within(results).getByText('3 more matches in this episode')).toBeTruthy();
    await user.click(hit);
    expect(await screen.findByRole('heading', { level: 1, name: 'Alpha episode' })).toBeTruthy();
    expect(screen.getByRole('slider', { name: 'Seek' }).getAttribute('aria-valuenow')).toBe('754');
    expect(fakeHowls.all().at(-1)!.position).toBe(754);
    expect(screen.getByRole('button', { name: 'Play' })).toBeTruthy();
  });

  it('asks again when the services say a search would answer more', async () => {
    let answers = 0;
    const later: SearchGroup = {
      episodeId: 'e1',
      title: 'Alpha episode',
      hits: [{ kind: 'transcript', at: 5, snippet: 'a zebra crossing', match: [2, 7], exact: true }],
      moreHits: 0,
    };
    // The first answer had no time for the transcripts; they were read after it.
    const fake = await renderApp(
      { episodes: [sampleEpisode('e1', 'Alpha episode')] },
      { overrides: { search: () => (answers++ === 0 ? [] : [later]) } },
    );
    const user = userEvent.setup();
    await user.type(await screen.findByRole('searchbox', { name: 'Search' }), 'zebra');
    const results = screen.getByRole('region', { name: 'Search results' });
    expect(await within(results).findByText('No notes, chapters or episodes match “zebra”')).toBeTruthy();
    await act(async () => fake.emit('searchChanged', {}));
    expect(await within(results).findByRole('button', { name: 'Transcript · 0:05 a zebra crossing' })).toBeTruthy();
  });
});
