/** The events the backend pushes (shared/api/events.ts), to every transport that listens. */
import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../../../shared/api';

export interface EventBus {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  onAny(listener: (event: EventName, payload: unknown) => void): () => void;
  close(): void;
}

export function createEventBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    emit: (event, payload) => void emitter.emit('event', event, payload),
    on: (event, listener) => {
      // The bus carries every event on one channel; this listener is typed for the one it asked for.
      const wrapped = (name: EventName, payload: unknown) => name === event && listener(payload as EventPayload<typeof event>);
      emitter.on('event', wrapped);
      return () => emitter.off('event', wrapped);
    },
    onAny: (listener) => {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
    close: () => emitter.removeAllListeners(),
  };
}
