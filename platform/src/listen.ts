/** Serves a platform on 127.0.0.1 (port 0 = any free port). */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Platform } from './app';

export interface Listening {
  url: string;
  port: number;
  /** Stops accepting, drops open connections, closes the database. */
  close(): Promise<void>;
}

export function listen(platform: Platform, port = 0): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: platform.app.fetch, port, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        port: info.port,
        close: async () => {
          await new Promise<void>((done) => {
            server.close(() => done());
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          });
          await platform.close();
        },
      });
    });
    server.once('error', reject);
  });
}
