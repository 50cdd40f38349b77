// @vitest-environment jsdom
/** The listener's own notes: URLs typed into them are links that open outside the app; the rest stays text. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Note } from '../../shared/types';
import { splitBareUrls } from '../../renderer/lib/bare-urls';
import { sampleEpisode } from './fake-bridge';
import { renderApp, resetAppBetweenTests } from './render-app';

vi.mock('howler', async () => ({ Howl: (await import('./fake-howler')).FakeHowl }));

const episode = sampleEpisode('e1', 'Sockets, Connections and the Accept Queue');
const note = (text: string): Note => ({
  id: 'a',
  episodeId: 'e1',
  at: 5,
  text,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
});

resetAppBetweenTests();

async function openNotes(text: string) {
  await renderApp({ episodes: [episode], notes: [note(text)] });
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: episode.title }));
  return { user, list: await screen.findByRole('list', { name: 'Notes' }) };
}

describe('links in notes', () => {
  it('shows http(s) URLs as links opening outside the app, keeping the text around them', async () => {
    const { list } = await openNotes('See https://example.com/a?b=1 (and http://x.test/y). Not javascript:alert(1)');
    const links = within(list).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['https://example.com/a?b=1', 'http://x.test/y']);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(links[0]!.closest('p')?.textContent).toBe(
      'See https://example.com/a?b=1 (and http://x.test/y). Not javascript:alert(1)',
    );
  });

  it('markup typed into a note stays text', async () => {
    const { list } = await openNotes('<b>bold</b> <img src=x onerror=alert(1)> https://ok.test');
    expect(
      within(list)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toEqual(['https://ok.test']);
    expect(list.querySelector('b, img')).toBeNull();
    expect(within(list).getByText(/<b>bold<\/b>/)).toBeTruthy();
  });

  it('clicking a link does not start editing; Edit note still does', async () => {
    const { user, list } = await openNotes('read https://example.com later');
    await user.click(within(list).getByRole('link', { name: 'https://example.com' }));
    expect(within(list).queryByRole('textbox')).toBeNull();
    await user.click(within(list).getByRole('button', { name: 'Edit note' }));
    expect(within(list).getByRole('textbox', { name: 'Note at 0:05' })).toHaveProperty(
      'value',
      'read https://example.com later',
    );
  });

  it('the shared splitter leaves trailing punctuation and unmatched brackets as text', () => {
    expect(splitBareUrls('at https://a.test/x), then https://b.test/(y).')).toEqual([
      'at ',
      { url: 'https://a.test/x' },
      '), then ',
      { url: 'https://b.test/(y)' },
      '.',
    ]);
    expect(splitBareUrls('no links, http:// alone')).toEqual(['no links, http:// alone']);
  });
});
