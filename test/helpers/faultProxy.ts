/**
 * A fault-injecting HTTP proxy on loopback, in front of a real platform server (SYNC.md §3.12):
 * drop before forwarding, drop after the server answered (the server committed, the client never
 * hears), answer 500/503/429 itself, delay, deliver a request twice (one after the other or at
 * once), truncate a request body mid-transfer, rewrite the server's JSON answer (a platform that
 * sends malformed rows), or cut the network entirely.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** The JSON body, when it is JSON. */
  json?: unknown;
}

export type Fault =
  | { kind: 'drop_before' }
  | { kind: 'drop_after' }
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: unknown }
  | { kind: 'delay'; ms: number }
  | { kind: 'duplicate_sequential' }
  | { kind: 'duplicate_concurrent' }
  | { kind: 'truncate'; bytes: number }
  /** Flips one byte of the body at `at` before forwarding (a chunk damaged in transit). */
  | { kind: 'corrupt'; at: number }
  /** Forwards the request, then answers with `rewrite` of the server's JSON answer instead. */
  | { kind: 'rewrite'; rewrite: (answer: unknown) => unknown };

export interface FaultRule {
  /** Which requests it applies to (default: all). */
  match?: (request: ProxiedRequest) => boolean;
  fault: Fault;
  /** How many matching requests it affects (default: 1); Infinity for "until removed". */
  times?: number;
  /** Skip this many matching requests first. */
  after?: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  /** performance.now() when the request arrived. */
  at: number;
  /** Request body size (what the client sent). */
  bytes: number;
  status: number | 'dropped';
  fault?: Fault['kind'];
}

export interface FaultProxy {
  url: string;
  /** Adds a rule; returns a function removing it. */
  inject(rule: FaultRule): () => void;
  /** Every request refused at once (a network partition), until `heal()`. */
  partition(): void;
  heal(): void;
  clearRules(): void;
  log: LoggedRequest[];
  /** Points the proxy at another upstream (a restarted server on a new port). */
  retarget(upstream: string): void;
  close(): Promise<void>;
}

interface ActiveRule extends Required<Pick<FaultRule, 'fault'>> {
  match: (request: ProxiedRequest) => boolean;
  remaining: number;
  skip: number;
}

interface UpstreamResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export const pathIs = (prefix: string) => (r: ProxiedRequest) => r.path.startsWith(prefix);

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function forward(upstream: URL, request: ProxiedRequest, truncateAt?: number): Promise<UpstreamResponse> {
  return new Promise((resolve, reject) => {
    const headers = { ...request.headers, host: upstream.host };
    const out = http.request(
      { host: upstream.hostname, port: upstream.port, method: request.method, path: request.path, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    out.on('error', reject);
    if (truncateAt === undefined) {
      out.end(request.body);
      return;
    }
    out.write(request.body.subarray(0, truncateAt), () => setTimeout(() => out.destroy(new Error('truncated by the fault proxy')), 50));
  });
}

function reply(res: http.ServerResponse, response: UpstreamResponse): void {
  const headers = { ...response.headers };
  delete headers['transfer-encoding'];
  delete headers['connection'];
  delete headers['keep-alive'];
  headers['content-length'] = String(response.body.length);
  res.writeHead(response.status, headers);
  res.end(response.body);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startFaultProxy(upstreamUrl: string): Promise<FaultProxy> {
  let upstream = new URL(upstreamUrl);
  let rules: ActiveRule[] = [];
  let partitioned = false;
  const log: LoggedRequest[] = [];

  const take = (request: ProxiedRequest): Fault | undefined => {
    for (const rule of rules) {
      if (rule.remaining <= 0 || !rule.match(request)) continue;
      if (rule.skip > 0) {
        rule.skip--;
        continue;
      }
      rule.remaining--;
      return rule.fault;
    }
    return undefined;
  };

  const drop = (res: http.ServerResponse): void => void res.socket?.destroy();

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readBody(req);
    const request: ProxiedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body };
    if (String(req.headers['content-type'] ?? '').includes('json') && body.length) {
      try {
        request.json = JSON.parse(body.toString('utf8'));
      } catch {
        /* not JSON after all */
      }
    }
    const entry: LoggedRequest = {
      method: request.method,
      path: request.path,
      at: performance.now(),
      bytes: body.length,
      status: 'dropped',
    };
    log.push(entry);
    if (partitioned) return drop(res);
    const fault = take(request);
    if (fault) entry.fault = fault.kind;
    switch (fault?.kind) {
      case 'drop_before':
        return drop(res);
      case 'status': {
        const payload = Buffer.from(JSON.stringify(fault.body ?? { code: 'injected', message: `injected ${fault.status}` }));
        entry.status = fault.status;
        res.writeHead(fault.status, { 'content-type': 'application/json', 'content-length': String(payload.length), ...fault.headers });
        res.end(payload);
        return;
      }
      case 'drop_after':
        await forward(upstream, request).catch(() => undefined);
        return drop(res);
      case 'delay':
        await sleep(fault.ms);
        break;
      case 'truncate':
        await forward(upstream, request, fault.bytes).catch(() => undefined);
        return drop(res);
      case 'corrupt': {
        const damaged = Buffer.from(request.body);
        if (damaged.length > 0) damaged[fault.at % damaged.length]! ^= 0xff;
        request.body = damaged;
        break;
      }
      case 'duplicate_sequential': {
        await forward(upstream, request).catch(() => undefined);
        break;
      }
      case 'rewrite': {
        // Asked uncompressed, so the answer can be read and rewritten.
        const response = await forward(upstream, { ...request, headers: { ...request.headers, 'accept-encoding': 'identity' } }).catch(
          () => undefined,
        );
        if (!response) return drop(res);
        entry.status = response.status;
        const { 'content-encoding': _encoding, ...headers } = response.headers;
        return reply(res, {
          status: response.status,
          headers,
          body: Buffer.from(JSON.stringify(fault.rewrite(JSON.parse(response.body.toString('utf8'))))),
        });
      }
      case 'duplicate_concurrent': {
        const [first, second] = await Promise.allSettled([forward(upstream, request), forward(upstream, request)]);
        const chosen = second.status === 'fulfilled' ? second.value : first.status === 'fulfilled' ? first.value : undefined;
        if (!chosen) return drop(res);
        entry.status = chosen.status;
        return reply(res, chosen);
      }
      default:
        break;
    }
    try {
      const response = await forward(upstream, request);
      entry.status = response.status;
      reply(res, response);
    } catch {
      drop(res);
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => drop(res));
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    inject(rule) {
      const active: ActiveRule = {
        match: rule.match ?? (() => true),
        fault: rule.fault,
        remaining: rule.times ?? 1,
        skip: rule.after ?? 0,
      };
      rules.push(active);
      return () => {
        rules = rules.filter((r) => r !== active);
      };
    },
    partition: () => {
      partitioned = true;
    },
    heal: () => {
      partitioned = false;
    },
    clearRules: () => {
      rules = [];
    },
    log,
    retarget: (url) => {
      upstream = new URL(url);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
