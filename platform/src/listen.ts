/** Serves a platform on 127.0.0.1 (port 0 = any free port). */
import { createServer, STATUS_CODES, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { serve } from '@hono/node-server';
import type { Platform } from './app';

export interface Listening {
  url: string;
  port: number;
  /** Stops accepting, drops open connections, closes the database. */
  close(): Promise<void>;
}

/**
 * Requests Node's parser refuses before Hono sees them (headers over 16 KiB: 431; not HTTP: 400)
 * get the same JSON error body as every other failure.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, code, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers_too_large', 'The request headers are larger than 16 KiB.']
        : [400, 'invalid_request', 'The request is not valid HTTP.'];
    const body = JSON.stringify({ code, message });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

/** The public listener (published sites) on 127.0.0.1; closing it leaves the platform open. */
export function listenPublic(platform: Platform, port = 0): Promise<Omit<Listening, 'close'> & { close(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server = createServer(platform.publicSites.handle);
    server.listen(port, '127.0.0.1', () => {
      const info = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
    server.once('error', reject);
  });
}

const KEEP_ALIVE_TIMEOUT_MS = 30_000;

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
    }) as Server;
    // Idle connections stay open longer than clients keep theirs (Node's agent: 5 s), so the client
    // closes first: with equal timeouts a request sent as the platform closes the connection fails
    // ("socket hang up") — seen starting a sync after an idle pause on a loaded machine.
    server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
    answerClientErrors(server);
    server.once('error', reject);
  });
}
