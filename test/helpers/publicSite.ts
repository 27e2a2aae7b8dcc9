/**
 * What a visitor of a published site sends: a request to the platform's public listener with the
 * site's host name, and the `Accept` header of each kind of browser (the listener chooses the
 * channel by it), so a test can fetch a site as a PC, a WAP 2.0 phone and a WML feature phone would.
 */
import http from 'node:http';

/** A feature phone's WAP 1.x browser: WML only. */
export const WML_ONLY = 'text/vnd.wap.wml, image/vnd.wap.wbmp';
/** A WAP 2.0 phone: XHTML Mobile Profile first. */
export const XHTML_MP = 'application/vnd.wap.xhtml+xml, */*;q=0.5';
/** A desktop browser. */
export const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

export interface SiteAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The body as received (pictures). */
  bytes: Buffer;
}

export interface SiteRequest {
  accept?: string;
  method?: string;
  /** A form post's body (application/x-www-form-urlencoded). */
  body?: string;
  userAgent?: string;
  ifNoneMatch?: string;
}

/** A request with the site's own Host header (fetch does not let a caller set it); a Nokia's user agent unless told. */
export function requestSite(publicUrl: string, host: string, path: string, options: SiteRequest = {}): Promise<SiteAnswer> {
  const url = new URL(publicUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: options.method ?? 'GET',
        headers: {
          host,
          accept: options.accept ?? BROWSER,
          'user-agent': options.userAgent ?? 'Nokia6300/2.0',
          ...(options.ifNoneMatch !== undefined ? { 'if-none-match': options.ifNoneMatch } : {}),
          ...(options.body !== undefined
            ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(options.body) }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          resolve({ status: res.statusCode!, headers: res.headers, body: bytes.toString('utf8'), bytes });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Chromium arguments that send every host name to the public listener, as DNS would send the site's. */
export const resolveEveryHostTo = (publicUrl: string): string => `--host-resolver-rules=MAP * 127.0.0.1:${new URL(publicUrl).port}`;

/**
 * What a WML browser sends when its user follows a deck's `<go method="post">`: the deck's
 * postfields, each `$(var)` replaced by what was typed into that input.
 */
export function wmlFormPost(deck: string, typed: Record<string, string>): { action: string; body: string } {
  const go = /<go\s[^>]*href="([^"]*)"[^>]*method="post"[^>]*>([\s\S]*?)<\/go>/.exec(deck);
  if (!go) throw new Error('the deck has no <go method="post">');
  const fields = new URLSearchParams();
  for (const [, name, value] of go[2]!.matchAll(/<postfield\s+name="([^"]*)"\s+value="([^"]*)"/g)) {
    fields.append(
      name!,
      value!.replace(/\$\((\w+)\)|\$(\w+)/g, (_, a?: string, b?: string) => typed[(a ?? b)!] ?? ''),
    );
  }
  return { action: go[1]!, body: fields.toString() };
}
