// @vitest-environment jsdom
/**
 * A show whose feed is not well-formed XML but was read anyway says so, in words, in its status line:
 * beside "Updated …", not as a failure, and per show in "All shows".
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Feed } from '../../shared/types';
import { sampleEpisode, sampleFeed } from './fake-bridge';
import { renderApp, resetAppBetweenTests } from './render-app';

vi.mock('howler', async () => ({ Howl: (await import('./fake-howler')).FakeHowl }));
resetAppBetweenTests();

const repaired = "The feed's XML has an undefined entity (&gtgt; on line 39, kept as text).";
const updated = new Date(Date.now() - 5 * 60_000).toISOString();
const episodes = [sampleEpisode('e1', 'Socket management')];

describe('the status line of a show read with repairs', () => {
  it('says what was repaired beside "Updated …", and is not an error', async () => {
    await renderApp({ episodes, feeds: [{ ...sampleFeed, lastSyncedAt: updated, readWithRepairs: repaired }] });
    const note = await screen.findByText(`Read with repairs: ${repaired}`);
    const status = note.closest('p')!;
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toMatch(/Updated 5 minutes ago/);
    expect(within(status).queryByText(/Couldn't refresh/)).toBeNull();
    expect(note.classList.contains('sync-status__error')).toBe(false);
  });

  it('names the show among several, and says nothing for a well-formed one', async () => {
    const other: Feed = { ...sampleFeed, id: 'feed-2', title: 'The Clean Show', lastSyncedAt: updated };
    await renderApp({
      episodes,
      feeds: [{ ...sampleFeed, title: 'No Agenda Show', lastSyncedAt: updated, readWithRepairs: repaired }, other],
    });
    expect(await screen.findByText(`Read No Agenda Show with repairs: ${repaired}`)).toBeTruthy();
    expect(screen.getAllByText(/with repairs/)).toHaveLength(1);
  });
});
