/**
 * Publishing a site (issue 10): the `site.publish.v1` command that carries exactly what the customer
 * signed (queued by the sign-off, durable in the outbox, sent at the next sync), rollback to a kept
 * revision, and the site's publication as the platform last reported it.
 */
import type { Publication } from '../../../../shared/api/publishing';
import type { SitePublishArgs } from '../../../../shared/platform-api';
import type { SiteContent } from '../../../../shared/sites/model';
import type { ReadContext, WriteContext } from '../../app/context';
import { AppError } from '../../app/errors';
import { commitChanges, type SyncedRecordChange } from '../../app/unitOfWork';
import type { ReadableDB } from '../../infra/db/handles';
import { unackedOps } from '../sync/db/queue';
import { imagesOfContent } from '../sites/repository';
import { getSite } from '../sites/service';
import { findSitePublication } from './repository';
import { publicationWireRowOf } from './syncAdapter';

export interface SignedRevision {
  siteId: string;
  enterpriseId: string;
  revision: number;
  content: SiteContent;
  signoff: SitePublishArgs['signoff'];
  /** Why it goes live without a sign-off (`signoff` null). */
  unsignedReason?: string;
}

/** The change that queues `site.publish.v1` for a signed revision: one more step of the caller's unit of work. */
export function publishChange(signed: SignedRevision): SyncedRecordChange {
  const args: SitePublishArgs = {
    siteId: signed.siteId,
    enterpriseId: signed.enterpriseId,
    revision: signed.revision,
    content: signed.content as unknown as Record<string, unknown>,
    images: imagesOfContent(signed.content),
    signoff: signed.signoff,
    ...(signed.unsignedReason !== undefined ? { unsignedReason: signed.unsignedReason } : {}),
  };
  return {
    entity: 'site_publication',
    id: signed.siteId,
    outbox: { command: 'site.publish.v1', args },
    audit: {
      action: 'site.publish_requested',
      detail: {
        revision: signed.revision,
        signed: signed.signoff !== null,
        ...(args.unsignedReason ? { unsignedReason: args.unsignedReason } : {}),
      },
    },
  };
}

/** Queues the publish of this device's revision without a sign-off (the platform checks the role). */
export function requestUnsignedPublish(ctx: WriteContext, siteId: string, reason: string): { siteId: string; revision: number } {
  const site = getSite(ctx, siteId);
  commitChanges(ctx, () => ({
    changes: [
      publishChange({
        siteId,
        enterpriseId: site.enterpriseId,
        revision: site.revision,
        content: site.content,
        signoff: null,
        unsignedReason: reason,
      }),
    ],
    result: undefined,
  }));
  return { siteId, revision: site.revision };
}

export function requestRollback(ctx: WriteContext, siteId: string, revision: number): { siteId: string; revision: number } {
  commitChanges(ctx, (db) => {
    const kept = findSitePublication(db, siteId);
    const revisions = kept ? publicationWireRowOf(kept).revisions : [];
    if (!revisions.some((r) => r.revision === revision))
      throw new AppError(
        'site.revision_not_kept',
        `Revision ${revision} of site ${siteId} was never live on the platform; only a kept revision can be made live again.`,
        {
          field: 'revision',
          details: { siteId, revision, kept: revisions.map((r) => r.revision) },
        },
      );
    return {
      changes: [
        {
          entity: 'site_publication',
          id: siteId,
          outbox: { command: 'site.rollback.v1', args: { siteId, revision } },
          audit: { action: 'site.rollback_requested', detail: { revision } },
        },
      ],
      result: undefined,
    };
  });
  return { siteId, revision };
}

/** The newest `site.publish.v1` of the site still waiting in the outbox. */
function pendingPublishRevision(db: ReadableDB, siteId: string): number | null {
  const publishes = unackedOps(db, 'site_publication', siteId).filter((op) => op.name === 'site.publish.v1');
  const last = publishes.at(-1);
  return last ? ((JSON.parse(last.patch_json) as { revision?: number }).revision ?? null) : null;
}

export function publicationOf(ctx: ReadContext, siteId: string): Publication {
  const site = getSite(ctx, siteId);
  const record = findSitePublication(ctx.db, siteId);
  const row = record ? publicationWireRowOf(record) : null;
  const liveRevision = row?.liveRevision ?? null;
  return {
    siteId,
    localRevision: site.revision,
    signedOffRevision: site.signedOffRevision ?? null,
    status: row?.status ?? null,
    liveRevision,
    publishedAt: row?.publishedAt ?? null,
    requestedRevision: row?.requestedRevision ?? null,
    failure: row?.failure ? { code: row.failure.code, message: row.failure.message } : null,
    host: row?.host ?? null,
    urls: row?.urls ?? null,
    revisions: row?.revisions ?? [],
    offlineAt: row?.offlineAt ?? null,
    pendingRevision: pendingPublishRevision(ctx.db, siteId),
    differsFromLive: liveRevision !== site.revision,
  };
}
