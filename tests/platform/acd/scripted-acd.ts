import type { Acd, QueueEvent } from './acd';

/**
 * An ACD whose queue events come from a script (benchmarks, tests of the platform alone): the same
 * interface the Kamailio adapter implements, so the platform cannot tell them apart.
 */
export const scriptedAcd = () => {
  const listeners = new Set<(event: QueueEvent) => void>();
  const availability = new Map<string, boolean>();
  const acd: Acd & { emit(event: QueueEvent): void; readonly availability: ReadonlyMap<string, boolean> } = {
    setAvailability: async (extension, state) => {
      availability.set(extension, state.available);
    },
    onQueueEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    connected: () => true,
    close: async () => listeners.clear(),
    emit: (event) => listeners.forEach((listener) => listener(event)),
    availability,
  };
  return acd;
};
