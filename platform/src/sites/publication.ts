/**
 * `site.publish.v1` and `site.rollback.v1` (shared/platform-api/tables.ts) and what BOSS opening and
 * cancellation do to a site's publication. Every revision accepted is kept in site_revision; a
 * revision goes live by building it into site_file and then pointing site_host at it — one row
 * update, so a visitor's request reads one revision or the other, never half of each.
 */
import type { OpResult, PushOp } from '../../../shared/platform-api/sync';
import { sitePublishArgsSchema, siteRollbackArgsSchema, type SitePublishArgs } from '../../../shared/platform-api/tables';
import { authorize, rowResult, type OpContext } from '../sync/ops';
import { Rejection, invalid } from '../sync/rejection';
import { insertRow, loadRow, updateRow, type StoredRow, type WriteBy, type Writer } from '../sync/rows';
import { flush } from '../sync/writer';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { PlatformConfig } from '../context';
import { buildContent, missingImages, PublicationError, type PublicationFailure } from './build';
import { assetBlobs, prepareRenditions, renditionResolver, renditionsFor } from './renditions';
import { countCommitted, publicationChanged } from './events';

type Revision = { revision: number; publishedAt: string };

/** Where published sites live (`sitesDomain`) and where the uploaded originals and their renditions are kept. */
export interface Publishing {
  sitesDomain: string;
  blobsDir: string;
}

export const publishingOf = (config: PlatformConfig): Publishing => ({
  sitesDomain: config.sitesDomain,
  blobsDir: path.join(config.dataDir, 'blobs'),
});

function parse<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } },
  value: unknown,
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}

async function siteOf(oc: OpContext, siteId: string, enterpriseId?: string): Promise<{ site: StoredRow; enterprise: StoredRow }> {
  const site = await loadRow(oc, 'site', siteId);
  if (!site || site.deleted) throw new Rejection('not_found', `Site ${siteId} does not exist on the platform.`);
  if (enterpriseId !== undefined && site.data.enterpriseId !== enterpriseId)
    throw new Rejection('invalid', "enterpriseId is not the site's enterprise.");
  const enterprise = await loadRow(oc, 'enterprise', site.data.enterpriseId as string);
  if (!enterprise || enterprise.deleted)
    throw new Rejection('enterprise_not_found', `Enterprise ${site.data.enterpriseId as string} does not exist on the platform.`);
  return { site, enterprise };
}

function emptyPublication(enterpriseId: string) {
  return {
    enterpriseId,
    status: 'waiting_opening',
    liveRevision: null,
    publishedAt: null,
    requestedRevision: null,
    failure: null,
    host: null,
    urls: null,
    revisions: [] as Revision[],
    offlineAt: null,
  };
}

async function publicationRow(w: Writer, siteId: string, enterprise: StoredRow, by: WriteBy): Promise<StoredRow> {
  return (
    (await loadRow(w, 'site_publication', siteId)) ??
    insertRow(w, 'site_publication', siteId, enterprise.scopeId, emptyPublication(enterprise.id), by)
  );
}

export async function publishSite(oc: OpContext, op: PushOp, publishing: Publishing): Promise<OpResult> {
  const args = parse<SitePublishArgs>(sitePublishArgsSchema, op.patch);
  if (args.siteId !== op.rowId) throw new Rejection('invalid', 'rowId must be the site id.');
  const { enterprise } = await siteOf(oc, args.siteId, args.enterpriseId);
  authorize(oc.user, 'site_publication', args.signoff ? 'publish' : 'publish_unsigned', enterprise.scopeId);
  if (!args.signoff && !args.unsignedReason)
    throw new Rejection('invalid', 'A revision published without a sign-off needs unsignedReason (why, for the record).');
  const by = { clientId: oc.clientId, at: oc.at };
  const kept = await oc.trx
    .selectFrom('site_revision')
    .select(({ fn }) => fn.max('revision').as('latest'))
    .where('site_id', '=', args.siteId)
    .executeTakeFirst();
  const latest = kept?.latest == null ? 0 : Number(kept.latest);
  let row = await publicationRow(oc, args.siteId, enterprise, by);
  if (args.revision <= latest) {
    const same = await oc.trx
      .selectFrom('site_revision')
      .select('revision')
      .where('site_id', '=', args.siteId)
      .where('revision', '=', args.revision)
      .executeTakeFirst();
    if (same) return rowResult(op.opSeq, 'applied', row); // a resend: nothing new happens
    throw new Rejection('invalid', `Revision ${args.revision} is older than revision ${latest} already submitted.`);
  }
  await flush(oc); // the op's savepoint, so a rejection after this point undoes the rows below too
  await oc.trx
    .insertInto('site_revision')
    .values({
      site_id: args.siteId,
      revision: args.revision,
      enterprise_id: enterprise.id,
      content: JSON.stringify(args.content),
      images: JSON.stringify(args.images),
      signoff: args.signoff ? JSON.stringify(args.signoff) : null,
      unsigned_reason: args.signoff ? null : (args.unsignedReason ?? null),
      submitted_by: oc.user.login,
      submitted_at: oc.at,
      built: 0,
    })
    .execute();
  row = updateRow(oc, row, { changes: { requestedRevision: args.revision } }, by);
  if (enterprise.data.status === 'opened') row = await goLive(oc, row, args.revision, publishing, by);
  else if (row.data.liveRevision === null) row = updateRow(oc, row, { changes: { status: 'waiting_opening' } }, by);
  return rowResult(op.opSeq, 'applied', row);
}

export async function rollbackSite(oc: OpContext, op: PushOp, publishing: Publishing): Promise<OpResult> {
  const args = parse(siteRollbackArgsSchema, op.patch);
  if (args.siteId !== op.rowId) throw new Rejection('invalid', 'rowId must be the site id.');
  const { enterprise } = await siteOf(oc, args.siteId);
  authorize(oc.user, 'site_publication', 'rollback', enterprise.scopeId);
  const row = await loadRow(oc, 'site_publication', args.siteId);
  const revisions = (row?.data.revisions as Revision[] | undefined) ?? [];
  if (!row || !revisions.some((r) => r.revision === args.revision))
    throw new Rejection('not_found', `Revision ${args.revision} of site ${args.siteId} was never live.`);
  return rowResult(op.opSeq, 'applied', await goLive(oc, row, args.revision, publishing, { clientId: oc.clientId, at: oc.at }));
}

/**
 * Before a push's transaction: the pictures its `site.publish.v1` ops show are resized, so the
 * transaction that switches the revision live does not wait for it (nor hold, on PostgreSQL, its locks).
 */
export async function beforePublishing(db: Kysely<DB>, publishing: Publishing, ops: PushOp[], at: string): Promise<void> {
  for (const op of ops) {
    if (op.kind !== 'command' || op.name !== 'site.publish.v1') continue;
    const parsed = sitePublishArgsSchema.safeParse(op.patch);
    if (parsed.success) await prepareRenditions(db, publishing.blobsDir, parsed.data.images, at);
  }
}

/** Builds (once) and switches a revision live; a failed check leaves the live revision live and says why. */
export async function goLive(w: Writer, row: StoredRow, revision: number, publishing: Publishing, by: WriteBy): Promise<StoredRow> {
  const stored = await w.trx
    .selectFrom('site_revision')
    .selectAll()
    .where('site_id', '=', row.id)
    .where('revision', '=', revision)
    .executeTakeFirstOrThrow();
  let built, assets;
  try {
    const images = JSON.parse(stored.images) as string[];
    const missing = await missingImages(w.trx, images);
    if (missing.length)
      throw new PublicationError({
        code: 'missing_assets',
        message: `${missing.length} image(s) were never uploaded.`,
        details: { missing },
      });
    const renditions = await renditionsOf(w, publishing, images, by.at);
    built = buildContent(JSON.parse(stored.content), publishing.sitesDomain, renditionResolver(renditions));
    assets = assetBlobs(renditions, built.assets);
    await pointHost(w, row, built.host, revision);
  } catch (err) {
    if (!(err instanceof PublicationError)) throw err;
    return failed(w, row, err.failure, by);
  }
  if (!stored.built) {
    await w.trx.deleteFrom('site_file').where('site_id', '=', row.id).where('revision', '=', revision).execute();
    await w.trx.deleteFrom('site_asset').where('site_id', '=', row.id).where('revision', '=', revision).execute();
    for (let i = 0; i < built.files.length; i += 200)
      await w.trx
        .insertInto('site_file')
        .values(built.files.slice(i, i + 200).map((f) => ({ site_id: row.id, revision, ...f })))
        .execute();
    for (let i = 0; i < assets.length; i += 200)
      await w.trx
        .insertInto('site_asset')
        .values(assets.slice(i, i + 200).map((a) => ({ site_id: row.id, revision, ...a })))
        .execute();
    await w.trx.updateTable('site_revision').set({ built: 1 }).where('site_id', '=', row.id).where('revision', '=', revision).execute();
  }
  const revisions = (row.data.revisions as Revision[]).filter((r) => r.revision !== revision).concat([{ revision, publishedAt: by.at }]);
  const live = updateRow(
    w,
    row,
    {
      changes: {
        status: 'live',
        liveRevision: revision,
        publishedAt: by.at,
        failure: null,
        host: built.host,
        urls: built.urls,
        revisions,
        offlineAt: null,
      },
    },
    by,
  );
  await publicationChanged(w, {
    kind: 'live',
    siteId: row.id,
    enterpriseId: row.data.enterpriseId as string,
    revision,
    host: built.host,
    urls: built.urls,
    at: by.at,
  });
  return live;
}

/**
 * The picture sizes of a revision's originals, made before the transaction by `beforePublishing`
 * (made here only when they could not be then); an original that is not a readable picture fails
 * the publication.
 */
async function renditionsOf(w: Writer, publishing: Publishing, images: string[], at: string) {
  try {
    return await renditionsFor(w.trx, publishing.blobsDir, images, at);
  } catch (err) {
    throw new PublicationError({
      code: 'missing_assets',
      message: `An uploaded image could not be read as a picture: ${(err as Error).message}`,
    });
  }
}

function failed(w: Writer, row: StoredRow, failure: PublicationFailure, by: WriteBy): StoredRow {
  // The live revision, if any, stays live: the row says so and why the new one is not.
  return updateRow(w, row, { changes: { status: row.data.liveRevision === null ? 'failed' : 'live', failure } }, by);
}

/** The switch (in the same transaction as the files it points at): the host answers the new revision from the next request on (an own domain that moved frees the old name). */
async function pointHost(w: Writer, row: StoredRow, host: string, revision: number): Promise<void> {
  const { trx } = w;
  await trx.deleteFrom('site_host').where('site_id', '=', row.id).where('host', '!=', host).execute();
  const taken = await trx.selectFrom('site_host').select('site_id').where('host', '=', host).executeTakeFirst();
  if (taken && taken.site_id !== row.id)
    throw new PublicationError({ code: 'compile_failed', message: `The host ${host} already serves another site.` });
  if (taken) await trx.updateTable('site_host').set({ revision, offline_at: null }).where('host', '=', host).execute();
  else
    await trx
      .insertInto('site_host')
      .values({ host, site_id: row.id, enterprise_id: row.data.enterpriseId as string, revision, offline_at: null })
      .execute();
  await bumpGeneration(w);
}

/** Tells every public listener (each process polls it) that what some host serves changed. */
export async function bumpGeneration(w: Writer): Promise<void> {
  w.afterCommit.push(countCommitted);
  await w.trx
    .updateTable('publication_generation')
    .set((eb) => ({ generation: eb('generation', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}

/** BOSS opened the enterprise: each site waiting for it goes live with its newest revision. */
export async function publishWaiting(w: Writer, enterpriseId: string, publishing: Publishing, by: WriteBy): Promise<void> {
  const rows = await w.trx
    .selectFrom('site_publication')
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .where('deleted', '=', 0)
    .execute();
  for (const { id } of rows) {
    const row = await loadRow(w, 'site_publication', id);
    const requested = row?.data.requestedRevision as number | null | undefined;
    if (row && requested != null && requested !== row.data.liveRevision) await goLive(w, row, requested, publishing, by);
  }
}

/**
 * The end of the last billed month: the first instant (China time) of the month after the cancel's
 * effective date. The sites answer an offline page from then on.
 */
export function offlineAtFor(effectiveDate: string): string {
  const [y, m] = effectiveDate.slice(0, 7).split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return new Date(`${next}-01T00:00:00+08:00`).toISOString();
}

/** BOSS cancelled the subscription: every site of the enterprise goes offline at `offlineAt`. */
export async function scheduleOffline(w: Writer, enterpriseId: string, offlineAt: string, by: WriteBy): Promise<void> {
  await w.trx.updateTable('site_host').set({ offline_at: offlineAt }).where('enterprise_id', '=', enterpriseId).execute();
  await bumpGeneration(w);
  const rows = await w.trx
    .selectFrom('site_publication')
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .where('deleted', '=', 0)
    .execute();
  for (const { id } of rows) {
    const row = await loadRow(w, 'site_publication', id);
    if (!row) continue;
    updateRow(w, row, { changes: { offlineAt } }, by);
    await publicationChanged(w, { kind: 'offline_scheduled', siteId: id, enterpriseId, offlineAt });
  }
}
