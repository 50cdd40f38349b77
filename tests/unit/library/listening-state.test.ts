import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confStoreFactory } from '../../../electron/core/conf-store.js';
import {
  ListeningState,
  listeningStateDefaults,
  type Schedule,
} from '../../../electron/core/library/listening-state.js';
import { openStore } from '../../../electron/core/store.js';
import type { EpisodeState } from '../../../shared/types.js';

let dataDir: string;
/** Scheduled writes, fired by the test. */
let pending: { fn: () => void; ms: number; cancelled: boolean }[];
const schedule: Schedule = (fn, ms) => {
  const entry = { fn, ms, cancelled: false };
  pending.push(entry);
  return () => (entry.cancelled = true);
};
const fireTimers = () => {
  for (const entry of pending.splice(0)) if (!entry.cancelled) entry.fn();
};

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'earmark-listening-'));
  pending = [];
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const open = () =>
  new ListeningState(
    openStore(confStoreFactory, { name: 'listening-state', cwd: dataDir, defaults: listeningStateDefaults }).store,
    { schedule },
  );
const onDisk = () => JSON.parse(readFileSync(path.join(dataDir, 'listening-state.json'), 'utf8'));
const at = (position: number, played = false): EpisodeState => ({
  position,
  played,
  updatedAt: '2025-05-01T10:00:00.000Z',
});

describe('ListeningState reads', () => {
  it('answers an episode never listened to as unplayed at 0, a fresh object each time', () => {
    const state = open();
    const first = state.get('never');
    expect(first).toEqual({ position: 0, played: false, updatedAt: new Date(0).toISOString() });
    first.position = 99; // a caller changing its copy must not change what the next one gets
    expect(state.get('never').position).toBe(0);
    expect(state.has('never')).toBe(false);
  });
});

describe('ListeningState writes', () => {
  it('coalesces position saves within the window into one write, after the delay', () => {
    const state = open();
    state.put('e1', at(10), { listening: true });
    state.put('e1', at(15), { listening: true });
    state.put('e2', at(3));
    expect(pending.filter((p) => !p.cancelled)).toHaveLength(1);
    expect(pending[0]?.ms).toBe(1000);
    expect(onDisk().states ?? {}).toEqual({});
    expect(state.get('e1').position).toBe(15); // reads come from memory at once

    fireTimers();
    expect(onDisk()).toMatchObject({ states: { e1: { position: 15 }, e2: { position: 3 } }, lastEpisodeId: 'e1' });
  });

  it('never loses a position on a clean shutdown: close() flushes the pending write', () => {
    const state = open();
    state.put('e1', at(42), { listening: true });
    state.close();
    expect(pending.every((p) => p.cancelled)).toBe(true);
    const reopened = open();
    expect(reopened.get('e1').position).toBe(42);
    expect(reopened.lastEpisode()).toBe('e1');
  });

  it('writes at once when an episode becomes played or unplayed', () => {
    const state = open();
    state.put('e1', { ...at(1799, true), playedAt: '2025-05-01T10:00:00.000Z' });
    expect(onDisk().states.e1).toMatchObject({ played: true, playedAt: '2025-05-01T10:00:00.000Z' });
    state.put('e1', at(0, false));
    expect(onDisk().states.e1.played).toBe(false);
    expect(pending.filter((p) => !p.cancelled)).toHaveLength(0);
  });

  it('leaves the last episode alone for saves that are not listening ("mark played" from a list)', () => {
    const state = open();
    state.put('e1', at(100), { listening: true });
    state.put('e2', at(0, true));
    expect(state.lastEpisode()).toBe('e1');
  });

  it('opens an older file without lastEpisodeId', () => {
    expect(open().lastEpisode()).toBeUndefined();
    expect(open().get('nothing')).toMatchObject({ position: 0, played: false });
  });
});
