import type { Notice } from '../../shared/types.js';
import type { EventBus } from './events.js';

/** Messages for the user that no request asked for (a repaired store, a failed background sync). */
export class Notices {
  private readonly items = new Map<string, Notice>();
  private counter = 0;

  constructor(
    private readonly events: EventBus,
    private readonly now: () => Date,
  ) {}

  add(level: Notice['level'], text: string): Notice {
    const notice: Notice = { id: `n${++this.counter}`, level, text, at: this.now().toISOString() };
    this.items.set(notice.id, notice);
    this.events.emit('notice', notice);
    return notice;
  }

  list(): Notice[] {
    return [...this.items.values()];
  }

  dismiss(id: string): void {
    this.items.delete(id);
  }
}
