/**
 * Where the listener is, written through the contract's `setEpisodeState`: on pause, every few
 * seconds while playing, once the listener stops seeking, when another episode is loaded, when the
 * page goes away, and at the end. A position within half a second of the last one written is not
 * written again. No React; the player engine owns one.
 */
import type { MethodInput } from '../../../shared/api';
import type { EpisodeState, EpisodeWithState } from '../../../shared/types';

export type SaveState = (input: MethodInput<'setEpisodeState'>) => Promise<EpisodeState>;

const SAVE_EVERY_MS = 5000;
const SAVE_AFTER_SEEK_MS = 1000;

export class PositionSaver {
  private last = { position: -1, at: 0 };
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly saveState: SaveState,
    /** Called after a save, so lists can show the new state without reloading. */
    private readonly onSaved: (episodeId: string, state: EpisodeState) => void,
  ) {}

  /** An episode was loaded: its saved position is the last one written. */
  loaded(position: number): void {
    this.last = { position, at: Date.now() };
  }

  /** While playing: time to write the position again. */
  due(): boolean {
    return Date.now() - this.last.at >= SAVE_EVERY_MS;
  }

  /** Saves the position unless it barely moved; never throws. */
  save(episode: EpisodeWithState | undefined, position: number): void {
    this.cancel();
    if (!episode) return;
    const rounded = Math.round(position * 10) / 10;
    if (Math.abs(rounded - this.last.position) < 0.5) return;
    this.last = { position: rounded, at: Date.now() };
    void this.write(episode, { id: episode.id, position: rounded }, 'Could not save listening position');
  }

  /** After a seek, save once the listener stops skipping around, not on every click. */
  saveSoon(where: () => { episode?: EpisodeWithState; position: number }): void {
    this.cancel();
    this.timer = setTimeout(() => {
      const { episode, position } = where();
      this.save(episode, position);
    }, SAVE_AFTER_SEEK_MS);
  }

  /** The audio ended: the service marks it played (per markPlayedAtEnd) and forgets the position. */
  saveEnd(episode: EpisodeWithState, duration: number): Promise<void> {
    this.cancel();
    this.last = { position: duration, at: Date.now() };
    const input = { id: episode.id, position: Math.max(0, duration), ended: true };
    return this.write(episode, input, 'Could not save the end of the episode');
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private write(episode: EpisodeWithState, input: MethodInput<'setEpisodeState'>, failure: string): Promise<void> {
    return this.saveState(input)
      .then((saved) => this.onSaved(episode.id, saved))
      .catch((error: unknown) => console.warn(failure, error));
  }
}
