/**
 * Media keys, the OS "now playing" panel and headset buttons, through navigator.mediaSession where
 * the platform has it (Chromium and Electron do; jsdom does not). Previous/next track map to
 * chapters, which is what a listener means by "next" inside one long episode.
 */
import { useEffect } from 'react';
import type { Player } from './use-player';

interface MediaSessionOptions {
  chapterTitle?: string;
  showTitle?: string;
  artwork?: string;
  skipBackSeconds: number;
  skipForwardSeconds: number;
  previousChapter?: () => void;
  nextChapter?: () => void;
}

export function useMediaSession(player: Player, options: MediaSessionOptions): void {
  const session = typeof navigator !== 'undefined' && 'mediaSession' in navigator ? navigator.mediaSession : undefined;
  const { episode, playing, duration, position, rate } = player;
  const { chapterTitle, showTitle, artwork } = options;

  useEffect(() => {
    if (!session || typeof MediaMetadata === 'undefined') return;
    if (!episode) {
      session.metadata = null;
      return;
    }
    const art = episode.artwork ?? artwork;
    session.metadata = new MediaMetadata({
      title: chapterTitle ?? episode.title,
      artist: showTitle ?? '',
      album: chapterTitle ? episode.title : (showTitle ?? ''),
      artwork: art ? [{ src: art, sizes: '512x512' }] : [],
    });
  }, [session, episode, chapterTitle, showTitle, artwork]);

  useEffect(() => {
    if (session) session.playbackState = episode ? (playing ? 'playing' : 'paused') : 'none';
  }, [session, episode, playing]);

  // The OS scrubber; whole seconds are plenty and keep this from running on every tick.
  const second = Math.floor(position);
  useEffect(() => {
    if (!session?.setPositionState || !(duration > 0)) return;
    try {
      session.setPositionState({ duration, position: Math.min(second, duration), playbackRate: rate });
    } catch {
      // Some platforms reject states they consider inconsistent; the panel just shows less.
    }
  }, [session, duration, second, rate]);

  const { play, pause, skip, seek } = player;
  const { skipBackSeconds, skipForwardSeconds, previousChapter, nextChapter } = options;
  useEffect(() => {
    if (!session || !episode) return;
    const handlers: [MediaSessionAction, MediaSessionActionHandler | null][] = [
      ['play', () => play()],
      ['pause', () => pause()],
      ['seekbackward', (details) => skip(-(details.seekOffset ?? skipBackSeconds))],
      ['seekforward', (details) => skip(details.seekOffset ?? skipForwardSeconds)],
      ['seekto', (details) => details.seekTime !== undefined && seek(details.seekTime)],
      ['previoustrack', previousChapter ? () => previousChapter() : null],
      ['nexttrack', nextChapter ? () => nextChapter() : null],
    ];
    for (const [action, handler] of handlers) {
      try {
        session.setActionHandler(action, handler);
      } catch {
        // An action this platform does not know.
      }
    }
    return () => {
      for (const [action] of handlers) {
        try {
          session.setActionHandler(action, null);
        } catch {
          // as above
        }
      }
    };
  }, [session, episode, play, pause, skip, seek, skipBackSeconds, skipForwardSeconds, previousChapter, nextChapter]);
}
