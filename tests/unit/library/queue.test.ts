import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confStoreFactory } from '../../../electron/core/conf-store.js';
import { Queue, queueDefaults } from '../../../electron/core/library/queue.js';
import { openStore } from '../../../electron/core/store.js';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'earmark-queue-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const openQueue = () =>
  new Queue(openStore(confStoreFactory, { name: 'queue', cwd: dataDir, defaults: queueDefaults }).store);

function queueOf(...ids: string[]): Queue {
  const queue = openQueue();
  for (const id of ids) queue.add(id);
  return queue;
}

describe('Queue ordering', () => {
  it('adds at the end by default and right at the front with "next"', () => {
    const queue = queueOf('a', 'b');
    queue.add('c', 'end');
    queue.add('d', 'next');
    expect(queue.list()).toEqual(['d', 'a', 'b', 'c']);
  });

  it('moves an episode already queued instead of listing it twice', () => {
    const queue = queueOf('a', 'b', 'c');
    expect(queue.add('a')).toBe(true);
    expect(queue.list()).toEqual(['b', 'c', 'a']);
    expect(queue.add('c', 'next')).toBe(true);
    expect(queue.list()).toEqual(['c', 'b', 'a']);
    expect(queue.add('a', 'end')).toBe(false); // already last: nothing changes, nothing is written
  });

  it('removes', () => {
    const queue = queueOf('a', 'b', 'c');
    expect(queue.remove('b')).toBe(true);
    expect(queue.remove('zzz')).toBe(false);
    expect(queue.list()).toEqual(['a', 'c']);
  });

  it('moves to an index, clamped to the ends (drag and drop)', () => {
    const queue = queueOf('a', 'b', 'c', 'd');
    queue.move('a', 2);
    expect(queue.list()).toEqual(['b', 'c', 'a', 'd']);
    queue.move('d', 0);
    expect(queue.list()).toEqual(['d', 'b', 'c', 'a']);
    queue.move('d', 99);
    expect(queue.list()).toEqual(['b', 'c', 'a', 'd']);
    expect(queue.move('nope', 0)).toBe(false);
  });

  it('moves one place up or down from the keyboard, staying put at either end', () => {
    const queue = queueOf('a', 'b', 'c');
    expect(queue.moveBy('c', -1)).toBe(true);
    expect(queue.list()).toEqual(['a', 'c', 'b']);
    expect(queue.moveBy('a', -1)).toBe(false);
    expect(queue.moveBy('b', 1)).toBe(false);
    queue.moveBy('a', 1);
    expect(queue.list()).toEqual(['c', 'a', 'b']);
  });

  it('advances: drops the finished episode and takes the next one off the queue', () => {
    const queue = queueOf('a', 'b', 'c');
    expect(queue.next()).toBe('a');
    expect(queue.list()).toEqual(['b', 'c']);
    // The episode that just ended was played from the middle of the queue.
    expect(queue.next('c')).toBe('b');
    expect(queue.list()).toEqual([]);
    expect(queue.next()).toBeUndefined();
  });

  it('keeps only episodes that still exist', () => {
    const queue = queueOf('a', 'b', 'c');
    expect(queue.retain((id) => id !== 'b')).toBe(true);
    expect(queue.retain(() => true)).toBe(false);
    expect(queue.list()).toEqual(['a', 'c']);
  });

  it('persists the order in its own store', () => {
    const queue = queueOf('a', 'b', 'c');
    queue.move('c', 0);
    expect(openQueue().list()).toEqual(['c', 'a', 'b']);
  });
});
