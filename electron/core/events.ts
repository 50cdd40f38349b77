import type { EarmarkEvents, EventName } from '../../shared/api.js';

export type EventListener = <E extends EventName>(event: E, payload: EarmarkEvents[E]) => void;

/** A tiny typed event bus: services emit, transports forward to windows. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: EarmarkEvents[E]): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  /** Returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
