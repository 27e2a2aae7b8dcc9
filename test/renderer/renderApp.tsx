/**
 * The whole app in jsdom on the in-memory transport, against a real backend on a temporary SQLite
 * file: what a user sees and does, with the backend's own answers and change events.
 */
import { render } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import type { Transport } from '../../shared/api';
import { setTransport } from '../../renderer/src/api/client';
import { createQueryClient } from '../../renderer/src/api/queryCache';
import { App } from '../../renderer/src/app/App';

/** Opens the app at a route (`/enterprises/new`), as the window would after start-up. */
export function renderApp(transport: Transport, route: string) {
  setTransport(transport);
  window.location.hash = `#${route}`;
  const client = createQueryClient();
  const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
  return { ...render(<App client={client} />), client, user };
}

/** The in-memory transport with every call held back `ms` first, as a busy machine answers: the edge fake for "slow". */
export function slowed(transport: Transport, ms: number): Transport {
  return {
    invoke: async (name, input) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return transport.invoke(name, input);
    },
    on: transport.on,
  };
}
