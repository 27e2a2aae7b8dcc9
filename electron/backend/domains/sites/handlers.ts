import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ParsedInput } from '../../../../shared/api';
import { checkDomain, checkSiteLabel } from '../../../../shared/domain/domainName';
import type { Site } from '../../../../shared/api/sites';
import type { SiteContent, SiteDomain } from '../../../../shared/sites/model';
import { findTemplate } from '../../../../shared/sites/templates/catalog';
import { ensureDerived } from '../assets/derived';
import { imageFacts } from '../assets/imageStore';
import { hasAssetFile, readAsset } from '../assets/store';
import type { BackendContext } from '../../app/context';
import { AppError } from '../../app/errors';
import { defineHandlers } from '../../app/handlerTypes';
import { buildSite } from './build';
import * as edits from './edits';
import { importIntoSite } from './importService';
import { changeSite, createSite, getSite, getSiteForBuild, getSiteForEnterprise } from './service';
import { signOffSite } from './signoff';
import { undoGuess } from './undoGuess';
import './syncTable';

/**
 * A content edit: `apply` changes a copy inside changeSite's transaction and describes it for the
 * audit trail. The parts it puts in come from the procedure's (already parsed) input, so only the
 * site-wide rules are checked again.
 */
function contentEdit(ctx: BackendContext, input: { siteId: string; revision?: number | undefined }, action: string, apply: (content: SiteContent) => Record<string, unknown> | void): Site {
  return changeSite(ctx, input.siteId, input.revision, action, (current) => ({ ...current, detail: apply(current.content) ?? {} }), 'invariants');
}

/** An edit that builds new content itself (tray moves, undo): checked against the whole schema. */
function rebuiltEdit(ctx: BackendContext, input: { siteId: string; revision?: number | undefined }, action: string, apply: (content: SiteContent) => Record<string, unknown> | void): Site {
  return changeSite(ctx, input.siteId, input.revision, action, (current) => ({ ...current, detail: apply(current.content) ?? {} }));
}

function checkedDomain(domain: ParsedInput<'sites.setDomain'>['domain']): SiteDomain {
  if (domain.kind === 'own') {
    const check = checkDomain(domain.name);
    if (!check.valid) throw new AppError('site.domain_invalid', check.error!.message, { field: 'domain.name', details: { reason: check.error!.code, ascii: check.ascii } });
    return { kind: 'own', name: check.unicode };
  }
  const label = checkSiteLabel(domain.label);
  if (!label.valid) throw new AppError('site.label_invalid', 'A site label holds lower-case letters, digits and inner hyphens, 63 characters at most.', { field: 'domain.label' });
  return { kind: 'assigned', label: label.normalized };
}

function checkedTemplate(template: ParsedInput<'sites.setTemplate'>['template']) {
  const found = findTemplate(template.templateId);
  if (!found) throw new AppError('site.template_unknown', `No template ${template.templateId}.`, { field: 'template.templateId' });
  if (!found.styles.some((s) => s.id === template.styleId)) throw new AppError('site.style_unknown', `Template ${found.id} has no colour style ${template.styleId}.`, { field: 'template.styleId' });
  return template;
}

const IMAGE_PATH = /assets\/([0-9a-f]{64})-(web480|web1200|wap2|wap1)\.(?:jpg|png|gif)/g;

async function preview(ctx: BackendContext, siteId: string, pagePath: string) {
  const { site, content, contentJson } = getSiteForBuild(ctx, siteId);
  const { answer, assets } = await buildSite(ctx, site.id, content, { kind: 'page', path: pagePath }, { contentJson });
  const page = answer.page;
  if (!page) throw new AppError('site.page_not_found', `The build has no page ${pagePath}.`, { field: 'path' });
  const channel = page.path.slice(0, page.path.indexOf('/'));
  const seen = new Set<string>();
  const images = [...page.content.matchAll(IMAGE_PATH)].flatMap((m) => {
    const derived = assets.byPath.get(m[0]);
    if (!derived || seen.has(m[0])) return [];
    seen.add(m[0]);
    return [{ path: `${channel}/${m[0]}`, mime: derived.mime, base64: readFileSync(derived.file).toString('base64') }];
  });
  return { ...page, images };
}

async function imageData(ctx: BackendContext, input: ParsedInput<'sites.image'>) {
  if (input.variant) {
    const derived = await ensureDerived(ctx, input.sha256, input.variant).catch(() => undefined);
    if (!derived) throw new AppError('site.image_missing', `Picture ${input.sha256} is not on this machine.`, { details: { sha256: input.sha256 } });
    return { sha256: input.sha256, mime: derived.mime, width: derived.width, height: derived.height, base64: readFileSync(derived.file).toString('base64') };
  }
  const facts = imageFacts(ctx.db, input.sha256);
  if (!facts || !hasAssetFile(ctx.dataDir, input.sha256)) throw new AppError('site.image_missing', `Picture ${input.sha256} is not on this machine.`, { details: { sha256: input.sha256 } });
  return { sha256: input.sha256, mime: facts.hasAlpha ? 'image/png' : 'image/jpeg', width: facts.width, height: facts.height, base64: readAsset(ctx.dataDir, input.sha256).toString('base64') };
}

async function exportSite(ctx: BackendContext, input: ParsedInput<'sites.export'>) {
  const { site, content, contentJson } = getSiteForBuild(ctx, input.siteId);
  const jobId = ctx.newId();
  const onProgress = (done: number, total: number) => ctx.emit('job.progress', { jobId, label: '生成图片 images', done, total });
  // The report decides first; nothing is written when it refuses.
  const check = await buildSite(ctx, site.id, content, { kind: 'summary' }, { recheck: true, onProgress, contentJson });
  const { summary } = check.answer.report;
  if (summary.errors > 0 && !input.force)
    throw new AppError('site.build_has_errors', `The build report has ${summary.errors} error(s); fix them or export with force.`, { details: { errors: summary.errors } });
  const dir = path.resolve(input.outDir ?? path.join(ctx.dataDir, 'exports', site.id, `r${site.revision}`));
  const zipPath = `${dir}.zip`;
  const zip = input.zip ? { path: zipPath, mtime: site.updatedAt } : undefined;
  const { answer } = await buildSite(ctx, site.id, content, { kind: 'write', outDir: dir, ...(zip ? { zip } : {}) }, { contentJson });
  ctx.emit('job.progress', { jobId, label: '导出完成 exported', done: 1, total: 1, finished: true });
  // Browser mode offers the zip as a download (includeZip, the site builder's export).
  const zipBase64 = input.includeZip && answer.zipBytes !== undefined ? readFileSync(zipPath).toString('base64') : undefined;
  return { siteId: site.id, revision: site.revision, dir, ...(answer.zipBytes !== undefined ? { zipPath, zipBytes: answer.zipBytes } : {}), ...(zipBase64 ? { zipBase64 } : {}), files: answer.files.length, report: summary };
}

export const siteHandlers = defineHandlers({
  'sites.create': ({ enterpriseId }, ctx) => createSite(ctx, enterpriseId),
  'sites.get': ({ siteId }, ctx) => getSite(ctx, siteId),
  'sites.getForEnterprise': ({ enterpriseId }, ctx) => getSiteForEnterprise(ctx, enterpriseId),
  'sites.updateProfile': (input, ctx) =>
    contentEdit(ctx, input, 'site.profile_updated', (content) => {
      content.profile = input.profile;
    }),
  'sites.addColumn': (input, ctx) =>
    contentEdit(ctx, input, 'site.column_added', (content) => {
      const column = edits.addColumn(content, { id: ctx.newId(), type: input.type, title: input.title, ...(input.channels ? { channels: input.channels } : {}) });
      return { columnId: column.id, type: column.type };
    }),
  'sites.updateColumn': (input, ctx) =>
    contentEdit(ctx, input, 'site.column_updated', (content) => {
      const column = edits.findColumn(content, input.columnId);
      if (input.title !== undefined) column.title = input.title;
      if (input.channels) column.channels = input.channels;
      if (input.body) column.body = input.body;
      return { columnId: column.id };
    }),
  'sites.removeColumn': (input, ctx) =>
    rebuiltEdit(ctx, input, 'site.column_removed', (content) => {
      const column = edits.removeColumn(content, input.columnId, input.discard, ctx.newId);
      return { columnId: column.id, title: column.title, items: column.items.length, discarded: input.discard };
    }),
  'sites.reorderColumns': (input, ctx) =>
    contentEdit(ctx, input, 'site.columns_reordered', (content) => {
      edits.reorderColumns(content, input.columnIds);
    }),
  'sites.addItem': (input, ctx) =>
    contentEdit(ctx, input, 'site.item_added', (content) => ({ columnId: input.columnId, itemId: edits.addItem(content, input.columnId, input.item, ctx.newId, input.index).id })),
  'sites.updateItem': (input, ctx) =>
    contentEdit(ctx, input, 'site.item_updated', (content) => ({ itemId: edits.updateItem(content, input.itemId, input.item).id })),
  'sites.removeItem': (input, ctx) =>
    rebuiltEdit(ctx, input, 'site.item_removed', (content) => ({ itemId: edits.removeItem(content, input.itemId, input.toTray, ctx.newId).id, toTray: input.toTray })),
  'sites.reorderItems': (input, ctx) =>
    contentEdit(ctx, input, 'site.items_reordered', (content) => {
      edits.reorderItems(content, input.columnId, input.itemIds);
      return { columnId: input.columnId };
    }),
  'sites.moveItem': (input, ctx) =>
    contentEdit(ctx, input, 'site.item_moved', (content) => {
      edits.moveItem(content, input.itemId, input.columnId, input.index);
      return { itemId: input.itemId, columnId: input.columnId };
    }),
  'sites.moveFromTray': (input, ctx) => rebuiltEdit(ctx, input, 'site.tray_placed', (content) => edits.moveFromTray(content, input.entryId, input.target, ctx.newId)),
  'sites.discardTrayEntry': (input, ctx) =>
    contentEdit(ctx, input, 'site.tray_discarded', (content) => {
      const { index, entry } = edits.findTrayEntry(content, input.entryId);
      content.unsorted.splice(index, 1);
      return { entryId: entry.id, source: entry.source };
    }),
  'sites.undoGuess': (input, ctx) =>
    changeSite(ctx, input.siteId, input.revision, 'site.guess_undone', (current) => {
      const gone = undoGuess(current.content, current.intake, input.guessId, ctx.newId);
      return { ...current, detail: { guessId: input.guessId, undone: gone } };
    }),
  'sites.setTemplate': (input, ctx) =>
    contentEdit(ctx, input, 'site.template_set', (content) => {
      content.template = checkedTemplate(input.template);
      return { templateId: input.template.templateId, styleId: input.template.styleId };
    }),
  'sites.setDomain': (input, ctx) =>
    contentEdit(ctx, input, 'site.domain_set', (content) => {
      content.domain = checkedDomain(input.domain);
      return { domain: content.domain };
    }),
  'sites.updateSms': (input, ctx) =>
    contentEdit(ctx, input, 'site.sms_updated', (content) => {
      content.sms = input.sms;
    }),
  'sites.import': (input, ctx) => importIntoSite(ctx, input),
  'sites.build': async ({ siteId, jobId }, ctx) => {
    const { site, content, contentJson } = getSiteForBuild(ctx, siteId);
    const onProgress = jobId ? (done: number, total: number) => ctx.emit('job.progress', { jobId, label: '生成图片 images', done, total, ...(done === total ? { finished: true } : {}) }) : undefined;
    const { answer } = await buildSite(ctx, site.id, content, { kind: 'summary' }, { contentJson, ...(onProgress ? { onProgress } : {}) });
    return { siteId, revision: site.revision, files: answer.files, report: answer.report };
  },
  'sites.preview': ({ siteId, path: pagePath }, ctx) => preview(ctx, siteId, pagePath),
  'sites.export': (input, ctx) => exportSite(ctx, input),
  'sites.signOff': (input, ctx) => signOffSite(ctx, input),
  'sites.image': (input, ctx) => imageData(ctx, input),
});
