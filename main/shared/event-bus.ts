import type { z } from 'zod';
import { type EventName, type Events, events } from '../../preload/contract';

export type EventListener = (event: EventName, payload: unknown) => void;

export interface EventBus {
  emit<K extends EventName>(event: K, payload: z.input<Events[K]>): void;
  subscribe(listener: EventListener): () => void;
}

/** Payloads are parsed through the contract before they leave main, like method outputs. */
export const createEventBus = (onListenerError: (error: unknown) => void = () => {}): EventBus => {
  const listeners = new Set<EventListener>();
  return {
    emit: (event, payload) => {
      const parsed = events[event].parse(payload);
      for (const listener of listeners) {
        try {
          listener(event, parsed);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
};
