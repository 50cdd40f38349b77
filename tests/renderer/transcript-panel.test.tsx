// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Transcript, TranscriptCue, TranscriptResult } from '../../shared/transcript-types';
import { TranscriptPanel } from '../../renderer/features/transcript/transcript-panel';
import { closeFakeBridges, createFakeBridge, sampleEpisode } from './fake-bridge';

/**
 * jsdom lays nothing out: the transcript's scroll box gets a height and each item one, as a browser
 * would measure them, and scrollTo (which jsdom lacks) is recorded.
 */
const VIEWPORT_PX = 400;
const ITEM_PX = 40;
let scrolls: ReturnType<typeof vi.fn>;
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.classList.contains('transcript-panel__scroller') ? VIEWPORT_PX : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.classList.contains('transcript-item') ? ITEM_PX : 0;
  });
  scrolls = vi.fn();
  Element.prototype.scrollTo = scrolls as unknown as Element['scrollTo'];
});

afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  delete (Element.prototype as Partial<Element>).scrollTo;
  delete window.earmark;
  await closeFakeBridges();
});

const cue = (start: number, end: number, text: string, speaker?: string): TranscriptCue => ({
  start,
  end,
  text,
  ...(speaker && { speaker }),
});

const interview: Transcript = {
  url: 'https://example.com/e1.vtt',
  format: 'vtt',
  timed: true,
  cues: [
    cue(0, 4, 'Hello and welcome.', 'Alice'),
    cue(4, 8, 'Today: sockets.', 'Alice'),
    cue(8, 12, 'Thanks for having me.', 'Bob'),
    cue(12, 16, "Let's start with the accept queue.", 'Alice'),
  ],
};

function renderPanel(transcript: Transcript, position: number | undefined = undefined) {
  const onJump = vi.fn();
  const onQuote = vi.fn();
  const view = render(
    <TranscriptPanel transcript={transcript} position={position} onJump={onJump} onQuote={onQuote} />,
  );
  const list = screen.getByRole('list', { name: 'Transcript' });
  const rerender = (at: number | undefined) =>
    view.rerender(<TranscriptPanel transcript={transcript} position={at} onJump={onJump} onQuote={onQuote} />);
  return { list, onJump, onQuote, rerender };
}

const items = (list: HTMLElement) => within(list).getAllByRole('listitem');
const currentItems = (list: HTMLElement) => items(list).filter((item) => item.getAttribute('aria-current') === 'true');

describe('transcript panel', () => {
  it("shows one paragraph per speaker's turn, the speaker when it changes and the time", async () => {
    const { list } = renderPanel(interview);
    await waitFor(() => expect(items(list)).toHaveLength(3));
    const [first, second, third] = items(list);
    expect(first!.textContent).toBe('Alice0:00Hello and welcome. Today: sockets.');
    expect(second!.textContent).toBe('Bob0:08Thanks for having me.');
    expect(third!.textContent).toBe("Alice0:12Let's start with the accept queue.");
    expect(first!.getAttribute('aria-setsize')).toBe('3');
    expect(third!.getAttribute('aria-posinset')).toBe('3');
  });

  it('breaks a long turn into short paragraphs, naming the speaker once', async () => {
    const monologue = Array.from({ length: 8 }, (_, i) => cue(i * 5, i * 5 + 5, `Part ${i}.`, 'Alice'));
    const { list } = renderPanel({ ...interview, cues: monologue });
    await waitFor(() => expect(items(list)).toHaveLength(2));
    expect(items(list)[0]!.textContent).toBe('Alice0:00Part 0. Part 1. Part 2. Part 3. Part 4. Part 5.');
    expect(items(list)[1]!.textContent).toBe('0:30Part 6. Part 7.');
  });

  it('marks the paragraph being spoken with aria-current, and none when another episode plays', async () => {
    const { list, rerender } = renderPanel(interview, 1);
    await waitFor(() =>
      expect(currentItems(list).map((item) => item.textContent)).toEqual([expect.stringContaining('Hello')]),
    );
    rerender(9);
    expect(currentItems(list).map((item) => item.textContent)).toEqual(['Bob0:08Thanks for having me.']);
    rerender(undefined);
    expect(currentItems(list)).toEqual([]);
  });

  it('plays from a paragraph on click and on Enter; arrows move between paragraphs', async () => {
    const user = userEvent.setup();
    const { list, onJump } = renderPanel(interview);
    await waitFor(() => expect(items(list)).toHaveLength(3));
    await user.click(within(list).getByText('Thanks for having me.'));
    expect(onJump).toHaveBeenLastCalledWith(8);

    // One paragraph in the Tab order: the one clicked. ↑/↓, Home and End move focus; Enter plays.
    expect(document.activeElement).toBe(items(list)[1]);
    expect(items(list).map((item) => item.tabIndex)).toEqual([-1, 0, -1]);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(items(list)[2]);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(items(list)[0]);
    await user.keyboard('{End}{Enter}');
    expect(document.activeElement).toBe(items(list)[2]);
    expect(onJump).toHaveBeenLastCalledWith(12);
    expect(items(list).map((item) => item.tabIndex)).toEqual([-1, -1, 0]);
  });

  it('follows along until the listener scrolls away; "Back to now" returns', async () => {
    const user = userEvent.setup();
    const { list } = renderPanel(interview, 9);
    const follow = screen.getByRole('button', { name: 'Follow along' });
    expect(follow.getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(scrolls).toHaveBeenCalled());
    expect(screen.queryByRole('button', { name: 'Back to now' })).toBeNull();

    fireEvent.wheel(list.parentElement!, { deltaY: 120 });
    expect(follow.getAttribute('aria-pressed')).toBe('false');
    scrolls.mockClear();
    await user.click(screen.getByRole('button', { name: 'Back to now' }));
    expect(follow.getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByRole('button', { name: 'Back to now' })).toBeNull();
    expect(document.activeElement).toBe(follow);
    await waitFor(() => expect(scrolls).toHaveBeenCalled());

    // Moving through the list with the keyboard is scrolling away too; the toggle turns it back on.
    items(list)[0]!.focus();
    await user.keyboard('{ArrowDown}');
    expect(follow.getAttribute('aria-pressed')).toBe('false');
    await user.click(follow);
    expect(follow.getAttribute('aria-pressed')).toBe('true');
  });

  it('quotes selected words with the time of the paragraph they begin in; that click does not jump', async () => {
    const user = userEvent.setup();
    const { list, onJump, onQuote } = renderPanel(interview, 1);
    await waitFor(() => expect(items(list)).toHaveLength(3));
    expect(screen.queryByRole('button', { name: 'Add note' })).toBeNull();

    // From "for having me." in Bob's paragraph to "Let's" in the next one, times and names between.
    const from = within(list).getByText('Thanks for having me.').firstChild!;
    const to = within(list).getByText("Let's start with the accept queue.").firstChild!;
    const range = document.createRange();
    range.setStart(from, 7);
    range.setEnd(to, 5);
    act(() => {
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      document.dispatchEvent(new Event('selectionchange'));
    });
    fireEvent.click(items(list)[1]!);
    expect(onJump).not.toHaveBeenCalled();
    // The words stay put while they are selected.
    expect(screen.getByRole('button', { name: 'Follow along' }).getAttribute('aria-pressed')).toBe('false');

    await user.click(screen.getByRole('button', { name: 'Add note' }));
    expect(onQuote).toHaveBeenCalledWith({ at: 8, text: "for having me. Let's" });
    expect(screen.queryByRole('button', { name: 'Add note' })).toBeNull();
  });

  it('an untimed transcript is text only: no times, no "now", no jumps, and says so', async () => {
    const html: Transcript = {
      url: 'https://example.com/e1.html',
      format: 'html',
      timed: false,
      cues: [cue(0, 0, 'First paragraph.', 'Alice'), cue(0, 0, 'Second paragraph.', 'Alice')],
    };
    const { list, onJump } = renderPanel(html, 30);
    await waitFor(() => expect(items(list)).toHaveLength(2));
    expect(items(list).map((item) => item.textContent)).toEqual(['AliceFirst paragraph.', 'Second paragraph.']);
    expect(currentItems(list)).toEqual([]);
    expect(screen.getByText("This transcript has no times: it can't follow the audio.")).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Follow along' })).toBeNull();
    fireEvent.click(items(list)[0]!);
    fireEvent.keyDown(items(list)[0]!, { key: 'Enter' });
    expect(onJump).not.toHaveBeenCalled();
  });

  it('renders only a window of a 3,000-cue transcript, the paragraph being spoken included', async () => {
    const cues = Array.from({ length: 3000 }, (_, i) => cue(i * 4, i * 4 + 4, `Cue ${i}.`, i % 2 ? 'Bob' : 'Alice'));
    const { list } = renderPanel({ ...interview, cues }, 2000 * 4 + 1);
    await waitFor(() => expect(currentItems(list)).toHaveLength(1));
    const shown = items(list);
    expect(shown.length).toBeLessThan(40);
    expect(shown[0]!.getAttribute('aria-setsize')).toBe('3000');
    expect(currentItems(list)[0]!.getAttribute('aria-posinset')).toBe('2001');
    expect(currentItems(list)[0]!.tabIndex).toBe(0);
  });
});

describe('transcript section', () => {
  async function renderSection(answer?: TranscriptResult) {
    const fake = await createFakeBridge(
      { episodes: [sampleEpisode('e1', 'Sockets')] },
      answer ? { overrides: { getTranscript: async () => answer } } : {},
    );
    window.earmark = fake.bridge;
    vi.resetModules(); // api.ts picks its transport at import time.
    const { TranscriptSection } = await import('../../renderer/features/transcript/transcript-section');
    const view = render(<TranscriptSection episodeId="e1" position={undefined} onJump={() => {}} onQuote={() => {}} />);
    await waitFor(() => expect(fake.calls.map((call) => call.method)).toContain('getTranscript'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    return view;
  }

  it('renders nothing at all for an episode without a transcript', async () => {
    const { container } = await renderSection();
    expect(container.innerHTML).toBe('');
  });

  it('says in one quiet line why a transcript could not be read', async () => {
    const { container } = await renderSection({ status: 'failed', message: 'The server answered 404.' });
    expect(container.textContent).toBe('Transcript unavailable: The server answered 404.');
    expect(screen.queryByRole('heading')).toBeNull();
  });

  it('shows a ready transcript under a level 2 heading "Transcript"', async () => {
    await renderSection({ status: 'ready', transcript: interview });
    expect(screen.getByRole('heading', { name: 'Transcript', level: 2 })).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Transcript' })).toBeTruthy();
  });
});
