/**
 * Builds a kept revision with the shared compiler (shared/sites/) — the same code and options the
 * desktop's preview and export use — and checks what the public listener must be able to serve.
 * A failure names its `PUBLICATION_FAILURE_CODES` code; nothing is written then.
 */
import { createHash } from 'node:crypto';
import { compile, siteContentSchema, siteHost, siteUrls, templateFor, WML_DECK_BUDGET, type SiteContent } from '../../../shared/sites';
import type { AssetResolver } from '../../../shared/sites/assets';
import type { AssetUse } from '../../../shared/sites/job';
import type { Tx } from '../db/database';
import { isReservedSiteLabel } from '../../../shared/domain/domainName';

export interface PublicationFailure {
  code: string;
  message: string;
  details?: unknown;
}

export class PublicationError extends Error {
  constructor(readonly failure: PublicationFailure) {
    super(failure.message);
  }
}

export interface BuiltRevision {
  host: string;
  urls: { web: string; wap: string };
  files: { path: string; mime: string; body: string; etag: string }[];
  /** The derived images the pages show: output path (`web/assets/…`) with its variant of an original. */
  assets: AssetUse[];
}

export function parseContent(content: unknown): SiteContent {
  const parsed = siteContentSchema.safeParse(content);
  if (!parsed.success)
    throw new PublicationError({
      code: 'invalid_content',
      message: 'The content is not a valid site document.',
      details: parsed.error.issues.slice(0, 20),
    });
  return parsed.data;
}

export const etagOf = (body: string): string => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** The compiled files of a content, checked; `sitesDomain` is where assigned labels live, `images` answers for its pictures. */
export function buildContent(content: unknown, sitesDomain: string, images: AssetResolver): BuiltRevision {
  const site = parseContent(content);
  if (site.domain.kind === 'assigned' && isReservedSiteLabel(site.domain.label))
    throw new PublicationError({
      code: 'label_reserved',
      message: `The label "${site.domain.label}" is kept for the platform's own hosts (the portals).`,
      details: { label: site.domain.label },
    });
  let result;
  try {
    result = compile(site, templateFor(site), images, { assignedDomainSuffix: sitesDomain });
  } catch (err) {
    throw new PublicationError({ code: 'compile_failed', message: `The compiler refused the content: ${(err as Error).message}` });
  }
  const tooLarge = result.report.pages.filter((p) => p.compiledBytes !== undefined && p.compiledBytes > WML_DECK_BUDGET);
  if (tooLarge.length)
    throw new PublicationError({
      code: 'wml_deck_too_large',
      message: `${tooLarge.length} WML deck(s) compile to more than ${WML_DECK_BUDGET} bytes.`,
      details: tooLarge.map((p) => ({ path: p.path, compiledBytes: p.compiledBytes })),
    });
  const urls = siteUrls(site, { assignedDomainSuffix: sitesDomain });
  const files = result.files.flatMap((f) =>
    f.channel !== 'sms' && typeof f.content === 'string' ? [{ path: f.path, mime: f.mime, body: f.content, etag: etagOf(f.content) }] : [],
  );
  return {
    host: siteHost(site, { assignedDomainSuffix: sitesDomain }),
    urls: { web: urls.web, wap: urls.wap2 },
    files,
    assets: result.assets,
  };
}

/** Images the content names that were never uploaded. */
export async function missingImages(trx: Tx, images: string[]): Promise<string[]> {
  if (images.length === 0) return [];
  const present = new Set((await trx.selectFrom('blob').select('sha256').where('sha256', 'in', images).execute()).map((b) => b.sha256));
  return images.filter((h) => !present.has(h));
}
