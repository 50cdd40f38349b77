// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Chapter } from '../../shared/types';
import { SeekMarkers } from '../../renderer/features/chapters/seek-markers';
import { sampleNote as note } from './fake-bridge';

/** jsdom lays nothing out: give the marker track a width, as the browser would. */
function trackWidth(px: number) {
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(px);
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      disconnect() {}
    },
  );
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const chapters: Chapter[] = [
  { start: 0, title: 'Intro' },
  { start: 98, title: 'Socket vs Connections' },
  { start: 185, title: 'Wrapping up' },
];
// 1:46, 1:47 and 1:51: 2 to 7 px apart on a 430 px track of a 4-minute episode.
const crowded = [note('a', 106, ''), note('b', 107, ''), note('c', 111, 'Backlog is the accept queue length')];

describe('seek-bar markers', () => {
  it('notes closer than a marker is wide become one marker that names them and jumps to the first', async () => {
    trackWidth(430);
    const onJump = vi.fn();
    render(
      <SeekMarkers
        chapters={chapters}
        notes={[...crowded, note('d', 200, 'Far away')]}
        duration={240}
        position={0}
        onJump={onJump}
      />,
    );
    const merged = await screen.findByRole('button', { name: '3 notes near 1:46' });
    expect(merged.textContent).toContain('1:46 · Marked moment1:47 · Marked moment1:51 · Backlog is the accept queue…');
    await userEvent.click(merged);
    expect(onJump).toHaveBeenCalledWith(106);
    // A note on its own, and the chapters, keep their own names.
    expect(screen.getByRole('button', { name: 'Note: Far away' })).toBeTruthy();
    for (const title of ['Intro', 'Socket vs Connections', 'Wrapping up'])
      expect(screen.getByRole('button', { name: `Chapter: ${title}` })).toBeTruthy();
  });

  it('on a wide enough track the same notes stay apart; a mark is named for what it is', () => {
    trackWidth(4000);
    render(<SeekMarkers chapters={chapters} notes={crowded} duration={240} position={0} onJump={() => {}} />);
    expect(screen.getByRole('button', { name: 'Note: Marked moment at 1:46' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Note: Marked moment at 1:47' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Note: Backlog is the accept queue…' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /notes near/ })).toBeNull();
  });

  it('close chapters merge too, each kind on its own', () => {
    trackWidth(430);
    render(
      <SeekMarkers
        chapters={[
          { start: 0, title: 'Cold open' },
          { start: 300, title: 'Consistent hashing' },
          { start: 302, title: 'Tiny chapter right after' },
        ]}
        notes={[note('a', 301, 'Between the two')]}
        duration={1500}
        position={0}
        onJump={() => {}}
      />,
    );
    expect(screen.getByRole('button', { name: '2 chapters near 5:00' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Note: Between the two' })).toBeTruthy();
  });
});

describe('seek-bar marker names', () => {
  it('a note that is one long word (a pasted URL) still gets a short name', () => {
    const url = `https://example.invalid/${'a'.repeat(480)}`;
    render(<SeekMarkers chapters={[]} notes={[note('u', 30, url)]} duration={240} position={0} onJump={() => {}} />);
    const name = screen
      .getByRole('button', { name: /^Note: https:\/\/example\.invalid\/a+…$/ })
      .getAttribute('aria-label');
    expect(name!.length).toBeLessThan(60);
  });
});
