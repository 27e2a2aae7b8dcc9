/** Creating, changing, finding and listing enterprises. Every change goes through the unit of work. */
import type { Enterprise, EnterpriseFields } from '../../../../shared/domain/enterprise';
import { normalizeCreditCode } from '../../../../shared/domain/creditCode';
import type { Output, ParsedInput } from '../../../../shared/api';
import type { ReadContext, WriteContext } from '../../app/context';
import { AppError, notFound } from '../../app/errors';
import { commitChanges } from '../../app/unitOfWork';
import type { ReadableDB } from '../../infra/db/handles';
import { perDatabase } from '../../infra/db/perDatabase';
import { auditTrail } from '../audit/repository';
import { licencePhotoDocument } from '../licence/photo';
import { currentPlanCodes } from '../orders/planState';
import { heldRowIds } from '../sync/db/heldRows';
import {
  creditCodeHolder,
  enterpriseListRows,
  findEnterprise,
  insertEnterprise,
  newestEnterprises,
  toEnterprise,
  updateEnterpriseFields,
} from './repository';
import { EnterpriseSearchIndex } from './searchIndex';
import { enterpriseWireFields } from './syncAdapter';

export const searchIndex = perDatabase((db: ReadableDB) => new EnterpriseSearchIndex(db));

function refuseDuplicate(db: ReadableDB, creditCode: string, exceptId?: string): void {
  const existing = creditCodeHolder(db, creditCode);
  if (existing && existing.id !== exceptId)
    throw new AppError('enterprise.duplicate_credit_code', `Credit code ${creditCode} is already registered to "${existing.name}".`, {
      field: 'creditCode',
      details: { existingId: existing.id, existingName: existing.name },
    });
}

export function getEnterprise(ctx: Pick<ReadContext, 'db'>, id: string): Enterprise {
  const row = findEnterprise(ctx.db, id);
  if (!row) throw notFound('enterprise', id);
  return toEnterprise(row);
}

export function listEnterprises(ctx: ReadContext, input: ParsedInput<'enterprises.list'>): Output<'enterprises.list'> {
  const plain = !input.query?.trim() && !input.status && !input.planCode && !input.region && input.sort === 'updated';
  const { total, ids } = plain
    ? newestEnterprises(ctx.db, input.offset, input.limit)
    : searchIndex(ctx.db).search(input, () => currentPlanCodes(ctx.db));
  const plans = currentPlanCodes(ctx.db, ids);
  const drafts = heldRowIds(ctx.db, 'enterprise');
  return {
    total,
    rows: enterpriseListRows(ctx.db, ids).map((row) => ({
      ...row,
      planCode: plans.get(row.id) ?? null,
      ...(drafts.has(row.id) ? { localDraft: true } : {}),
    })),
  };
}

export function findByCreditCode(ctx: ReadContext, creditCode: string, excludeId: string | undefined): { id: string; name: string } | null {
  const found = creditCodeHolder(ctx.db, normalizeCreditCode(creditCode));
  return found && found.id !== excludeId ? found : null;
}

export const enterpriseAudit = (ctx: ReadContext, id: string) => auditTrail(ctx.db, 'enterprise', id);

export function createEnterprise(ctx: WriteContext, fields: EnterpriseFields): Enterprise {
  const id = ctx.newId();
  const at = ctx.now().toISOString();
  commitChanges(ctx, (db) => {
    refuseDuplicate(db, fields.creditCode);
    return {
      changes: [
        {
          entity: 'enterprise',
          id,
          write: (db) => insertEnterprise(db, id, fields, at),
          outbox: { op: 'create', patch: createPatch(fields) },
          audit: { action: 'enterprise.created', detail: { name: fields.name } },
        },
        ...(fields.licencePhotoSha256 ? licencePhotoDocument(ctx, id, fields.licencePhotoSha256) : []),
      ],
      result: undefined,
    };
  });
  searchIndex(ctx.db).upsert(findEnterprise(ctx.db, id)!);
  return getEnterprise(ctx, id);
}

/** A create carries the licence's fields only when there are some (an enterprise without them reads as before). */
function createPatch(fields: EnterpriseFields) {
  const { licence, licencePhotoSha256, ...rest } = enterpriseWireFields(fields);
  return { ...rest, ...(licence ? { licence } : {}), ...(licencePhotoSha256 ? { licencePhotoSha256 } : {}) };
}

export function updateEnterprise(ctx: WriteContext, id: string, input: EnterpriseFields): Enterprise {
  const at = ctx.now().toISOString();
  const changed = commitChanges(ctx, (db) => {
    const existing = findEnterprise(db, id);
    if (!existing) throw notFound('enterprise', id);
    // A form that does not name the licence photo keeps the one stored.
    const fields = { ...input, licencePhotoSha256: input.licencePhotoSha256 ?? existing.licence_photo_sha256 ?? undefined };
    const photoChanges =
      fields.licencePhotoSha256 && fields.licencePhotoSha256 !== existing.licence_photo_sha256
        ? licencePhotoDocument(ctx, id, fields.licencePhotoSha256)
        : [];
    refuseDuplicate(db, fields.creditCode, id);
    const before = enterpriseWireFields(toEnterpriseFields(toEnterprise(existing)));
    const after = enterpriseWireFields(fields);
    const patch = Object.fromEntries(Object.entries(after).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])));
    if (Object.keys(patch).length === 0) return { changes: [], result: false };
    return {
      changes: [
        {
          entity: 'enterprise',
          id,
          write: (db) => updateEnterpriseFields(db, id, fields, at),
          outbox: { op: 'update', patch, baseVersion: existing.base_version },
          audit: { action: 'enterprise.updated', detail: { fields: Object.keys(patch) } },
        },
        ...photoChanges,
      ],
      result: true,
    };
  });
  if (changed) searchIndex(ctx.db).upsert(findEnterprise(ctx.db, id)!);
  return getEnterprise(ctx, id);
}

export function toEnterpriseFields(e: Enterprise): EnterpriseFields {
  return {
    name: e.name,
    creditCode: e.creditCode,
    industrySection: e.industrySection,
    industryDivision: e.industryDivision,
    region: e.region,
    address: e.address,
    contact: { name: e.contact.name, mobile: e.contact.mobile, email: e.contact.email },
    manager: e.manager,
    channel: e.channel,
    note: e.note,
    licence: e.licence,
    licencePhotoSha256: e.licencePhotoSha256,
  };
}

/** Loads the search index a moment after start-up, so the first search does not pay for it. */
export function warmSearchIndexSoon(database: () => ReadableDB | null, delayMs = 1500): void {
  setTimeout(() => {
    const db = database();
    if (db?.open) searchIndex(db).warm();
  }, delayMs).unref();
}
