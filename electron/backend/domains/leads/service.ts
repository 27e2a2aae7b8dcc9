/** Leads: listing what visitors left, and marking them handled (a synced `handled` edit through the unit of work). */
import type { Lead } from '../../../../shared/api/leads';
import type { ParsedInput } from '../../../../shared/api';
import type { ReadContext, WriteContext } from '../../app/context';
import { AppError } from '../../app/errors';
import { commitChanges } from '../../app/unitOfWork';
import { findLead, newestLeads, newestLeadsOfEnterprise, setLeadHandled, unhandledLeadCount, type LeadRecord } from './repository';
import { leadWireRowOf } from './syncAdapter';

function toLead(row: LeadRecord): Lead {
  const { id, enterpriseId, siteId, channel, kind, name, contact, text, receivedAt, handled } = leadWireRowOf(row);
  return { id, enterpriseId, siteId, channel, kind, name, contact, text, receivedAt, handled };
}

export function listLeads(ctx: ReadContext, input: ParsedInput<'leads.list'>): Lead[] {
  const rows = input.enterpriseId ? newestLeadsOfEnterprise(ctx.db, input.enterpriseId, input.limit) : newestLeads(ctx.db, input.limit);
  return rows.map(toLead);
}

export const countUnhandledLeads = (ctx: ReadContext) => ({ count: unhandledLeadCount(ctx.db) });

export function setHandled(ctx: WriteContext, input: ParsedInput<'leads.setHandled'>): Lead {
  commitChanges(ctx, (db) => {
    const row = findLead(db, input.id);
    if (!row) throw new AppError('lead.not_found', `No lead with id ${input.id}.`, { details: { id: input.id } });
    if ((row.handled === 1) === input.handled) return { changes: [], result: undefined };
    return {
      changes: [
        {
          entity: 'lead',
          id: row.id,
          write: (db) => setLeadHandled(db, row.id, input.handled, ctx.now().toISOString()),
          outbox: { op: 'update', patch: { handled: input.handled }, baseVersion: row.base_version },
          audit: { action: input.handled ? 'lead.handled' : 'lead.reopened' },
        },
      ],
      result: undefined,
    };
  });
  return toLead(findLead(ctx.db, input.id)!);
}
