/**
 * The editor's procedures: each one edit of the content (edits.ts) inside `changeSite`, with the
 * audit action that names it and the parts of the site it changed — the answer carries only those
 * (`SiteDelta`). The parts an edit puts in come from the procedure's (already parsed) input, so only
 * the site-wide rules are checked again; edits that rebuild content themselves (moving to and from
 * the tray, undo) are checked against the whole schema.
 */
import type { ParsedInput } from '../../../../shared/api';
import { siteDelta, type SiteParts } from '../../../../shared/api/siteDelta';
import type { SiteDelta } from '../../../../shared/api/sites';
import type { AuditAction } from '../../../../shared/domain/audit';
import { checkDomain, checkSiteLabel, isReservedSiteLabel } from '../../../../shared/domain/domainName';
import type { SiteContent, SiteDomain } from '../../../../shared/sites/model';
import { findTemplate } from '../../../../shared/sites/templates/catalog';
import type { WriteContext } from '../../app/context';
import { AppError } from '../../app/errors';
import * as edits from './edits';
import { changeSite } from './service';
import { undoGuess as undoGuessIn } from './undoGuess';

type EditInput = { siteId: string; revision?: number | undefined };
/** What an edit did: the parts it changed, and for the audit trail what to what. */
type Done = { changed: SiteParts; detail?: Record<string, unknown> };
type Edit = (content: SiteContent) => Done;

function answered(ctx: WriteContext, input: EditInput, action: AuditAction, apply: Edit, validation: 'full' | 'invariants'): SiteDelta {
  let changed: SiteParts = 'everything';
  const site = changeSite(
    ctx,
    input.siteId,
    input.revision,
    action,
    (current) => {
      const done = apply(current.content);
      changed = done.changed;
      return { ...current, detail: done.detail ?? {} };
    },
    validation,
  );
  return siteDelta(site, changed);
}

const contentEdit = (ctx: WriteContext, input: EditInput, action: AuditAction, apply: Edit) =>
  answered(ctx, input, action, apply, 'invariants');
const rebuiltEdit = (ctx: WriteContext, input: EditInput, action: AuditAction, apply: Edit) => answered(ctx, input, action, apply, 'full');

function checkedDomain(domain: ParsedInput<'sites.setDomain'>['domain']): SiteDomain {
  if (domain.kind === 'own') {
    const check = checkDomain(domain.name);
    if (!check.valid)
      throw new AppError('site.domain_invalid', check.error!.message, {
        field: 'domain.name',
        details: { reason: check.error!.code, ascii: check.ascii },
      });
    return { kind: 'own', name: check.unicode };
  }
  const label = checkSiteLabel(domain.label);
  if (!label.valid)
    throw new AppError('site.label_invalid', 'A site label holds lower-case letters, digits and inner hyphens, 63 characters at most.', {
      field: 'domain.label',
    });
  if (isReservedSiteLabel(label.normalized))
    throw new AppError(
      'site.label_reserved',
      `"${label.normalized}" is kept for the platform's own addresses (the portals); choose another label.`,
      { field: 'domain.label', details: { label: label.normalized } },
    );
  return { kind: 'assigned', label: label.normalized };
}

function checkedTemplate(template: ParsedInput<'sites.setTemplate'>['template']) {
  const found = findTemplate(template.templateId);
  if (!found) throw new AppError('site.template_unknown', `No template ${template.templateId}.`, { field: 'template.templateId' });
  if (!found.styles.some((s) => s.id === template.styleId))
    throw new AppError('site.style_unknown', `Template ${found.id} has no colour style ${template.styleId}.`, {
      field: 'template.styleId',
    });
  return template;
}

export const updateProfile = (ctx: WriteContext, input: ParsedInput<'sites.updateProfile'>) =>
  contentEdit(ctx, input, 'site.profile_updated', (content) => {
    content.profile = input.profile;
    return { changed: { profile: true } };
  });

export const addColumn = (ctx: WriteContext, input: ParsedInput<'sites.addColumn'>) =>
  contentEdit(ctx, input, 'site.column_added', (content) => {
    const column = edits.addColumn(content, {
      id: ctx.newId(),
      type: input.type,
      title: input.title,
      ...(input.channels ? { channels: input.channels } : {}),
    });
    return { changed: { columnIds: true, columns: [column.id] }, detail: { columnId: column.id, type: column.type } };
  });

export const updateColumn = (ctx: WriteContext, input: ParsedInput<'sites.updateColumn'>) =>
  contentEdit(ctx, input, 'site.column_updated', (content) => {
    const column = edits.findColumn(content, input.columnId);
    if (input.title !== undefined) column.title = input.title;
    if (input.channels) column.channels = input.channels;
    if (input.body) column.body = input.body;
    return { changed: { columns: [column.id] }, detail: { columnId: column.id } };
  });

export const removeColumn = (ctx: WriteContext, input: ParsedInput<'sites.removeColumn'>) =>
  rebuiltEdit(ctx, input, 'site.column_removed', (content) => {
    const column = edits.removeColumn(content, input.columnId, input.discard, ctx.newId);
    return {
      changed: { columnIds: true, unsorted: true },
      detail: { columnId: column.id, title: column.title, items: column.items.length, discarded: input.discard },
    };
  });

export const reorderColumns = (ctx: WriteContext, input: ParsedInput<'sites.reorderColumns'>) =>
  contentEdit(ctx, input, 'site.columns_reordered', (content) => {
    edits.reorderColumns(content, input.columnIds);
    return { changed: { columns: input.columnIds } };
  });

export const addItem = (ctx: WriteContext, input: ParsedInput<'sites.addItem'>) =>
  contentEdit(ctx, input, 'site.item_added', (content) => {
    const item = edits.addItem(content, input.columnId, input.item, ctx.newId, input.index);
    return { changed: { columns: [input.columnId], items: [item.id] }, detail: { columnId: input.columnId, itemId: item.id } };
  });

export const updateItem = (ctx: WriteContext, input: ParsedInput<'sites.updateItem'>) =>
  contentEdit(ctx, input, 'site.item_updated', (content) => {
    const item = edits.updateItem(content, input.itemId, input.item);
    return { changed: { items: [item.id] }, detail: { itemId: item.id } };
  });

export const removeItem = (ctx: WriteContext, input: ParsedInput<'sites.removeItem'>) =>
  rebuiltEdit(ctx, input, 'site.item_removed', (content) => {
    const { column } = edits.findItem(content, input.itemId);
    const item = edits.removeItem(content, input.itemId, input.toTray, ctx.newId);
    return { changed: { columns: [column.id], unsorted: input.toTray }, detail: { itemId: item.id, toTray: input.toTray } };
  });

export const reorderItems = (ctx: WriteContext, input: ParsedInput<'sites.reorderItems'>) =>
  contentEdit(ctx, input, 'site.items_reordered', (content) => {
    edits.reorderItems(content, input.columnId, input.itemIds);
    return { changed: { columns: [input.columnId] }, detail: { columnId: input.columnId } };
  });

export const moveItem = (ctx: WriteContext, input: ParsedInput<'sites.moveItem'>) =>
  contentEdit(ctx, input, 'site.item_moved', (content) => {
    const { column: from } = edits.findItem(content, input.itemId);
    edits.moveItem(content, input.itemId, input.columnId, input.index);
    return { changed: { columns: [from.id, input.columnId] }, detail: { itemId: input.itemId, columnId: input.columnId } };
  });

export const moveFromTray = (ctx: WriteContext, input: ParsedInput<'sites.moveFromTray'>) =>
  rebuiltEdit(ctx, input, 'site.tray_placed', (content) => {
    const placed = edits.moveFromTray(content, input.entryId, input.target, ctx.newId);
    return { changed: { unsorted: true, ...placed.changed }, detail: placed.detail };
  });

export const discardTrayEntry = (ctx: WriteContext, input: ParsedInput<'sites.discardTrayEntry'>) =>
  contentEdit(ctx, input, 'site.tray_discarded', (content) => {
    const { index, entry } = edits.findTrayEntry(content, input.entryId);
    content.unsorted.splice(index, 1);
    return { changed: { unsorted: true }, detail: { entryId: entry.id, source: entry.source } };
  });

/** Undoing a guess may touch any part of the site: the answer carries it all. */
export const undoGuess = (ctx: WriteContext, input: ParsedInput<'sites.undoGuess'>): SiteDelta =>
  siteDelta(
    changeSite(ctx, input.siteId, input.revision, 'site.guess_undone', (current) => {
      const gone = undoGuessIn(current.content, current.intake, input.guessId, ctx.newId);
      return { ...current, detail: { guessId: input.guessId, undone: gone } };
    }),
    'everything',
  );

export const setTemplate = (ctx: WriteContext, input: ParsedInput<'sites.setTemplate'>) =>
  contentEdit(ctx, input, 'site.template_set', (content) => {
    content.template = checkedTemplate(input.template);
    return { changed: { template: true }, detail: { templateId: input.template.templateId, styleId: input.template.styleId } };
  });

export const setDomain = (ctx: WriteContext, input: ParsedInput<'sites.setDomain'>) =>
  contentEdit(ctx, input, 'site.domain_set', (content) => {
    content.domain = checkedDomain(input.domain);
    return { changed: { domain: true }, detail: { domain: content.domain } };
  });

export const updateSms = (ctx: WriteContext, input: ParsedInput<'sites.updateSms'>) =>
  contentEdit(ctx, input, 'site.sms_updated', (content) => {
    content.sms = input.sms;
    return { changed: { sms: true } };
  });
