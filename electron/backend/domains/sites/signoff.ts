/**
 * The customer's sign-off of the previews: the signature and a 网站确认单 PDF naming exactly what was
 * shown (revision, pages, build fingerprint) are stored like the service order's — files in the
 * asset store, then one transaction with the `site_signoff` document, the site's signed revision
 * and the audit entry.
 */
import { createHash } from 'node:crypto';
import type { ParsedInput } from '../../../../shared/api';
import type { DocumentInfo } from '../../../../shared/api/orders';
import type { Site } from '../../../../shared/api/sites';
import { siteUrls } from '../../../../shared/sites/context';
import { registerAsset, storeAssetFile } from '../assets/store';
import { writeAudit } from '../audit/repository';
import type { BackendContext } from '../../app/context';
import { insertDocument, toDocument, documentStatements } from '../documents/repository';
import { getEnterprise } from '../enterprises/service';
import { AppError } from '../../app/errors';
import { readSignature, type Signature } from '../orders/signature';
import { buildSite } from './build';
import { siteStatements } from './repository';
import { getSite, loadSiteRow, SITE_ENTITY } from './service';
import { renderSignoffPdf } from './signoffPdf';

/** The signature checks are the service order's; their codes are given the site's prefix. */
async function siteSignature(base64: string): Promise<Signature> {
  try {
    return await readSignature(base64);
  } catch (error) {
    if (error instanceof AppError && error.code.startsWith('order.')) throw new AppError(error.code.replace(/^order\./, 'site.'), error.message, error.extra);
    throw error;
  }
}

export async function signOffSite(ctx: BackendContext, input: ParsedInput<'sites.signOff'>): Promise<{ site: Site; document: DocumentInfo }> {
  const site = getSite(ctx, input.siteId);
  const enterprise = getEnterprise(ctx, site.enterpriseId);
  const signature = await siteSignature(input.signaturePngBase64);
  const { answer } = await buildSite(ctx, site.id, site.content);
  const fingerprint = createHash('sha256').update(JSON.stringify(answer.files)).digest('hex');
  const signedAt = ctx.now().toISOString();
  const pdf = await renderSignoffPdf({
    enterpriseName: enterprise.name,
    content: site.content,
    revision: site.revision,
    urls: siteUrls(site.content),
    pagesPerChannel: answer.report.summary.pagesPerChannel,
    buildFingerprint: fingerprint,
    signerName: input.signerName,
    signedAt,
    signaturePng: signature.forPdf,
  });
  const signatureAsset = storeAssetFile(ctx.dataDir, signature.original);
  const pdfAsset = storeAssetFile(ctx.dataDir, pdf);
  const documentId = ctx.newId();
  ctx.db.transaction(() => {
    const row = loadSiteRow(ctx, site.id);
    if (row.revision !== site.revision)
      throw new AppError('site.stale', 'The site changed while signing; show the customer the new previews and sign again.', { details: { expected: site.revision, actual: row.revision } });
    registerAsset(ctx.db, { ...signatureAsset, mime: 'image/png' }, ctx.now());
    registerAsset(ctx.db, { ...pdfAsset, mime: 'application/pdf' }, ctx.now());
    insertDocument(ctx.db, {
      id: documentId, enterpriseId: enterprise.id, kind: 'site_signoff', title: `网站确认单 第${site.revision}版`,
      fileName: `网站确认单-${site.revision}.pdf`, mime: 'application/pdf', bytes: pdfAsset.size, sha256: pdfAsset.sha256,
      createdAt: signedAt, createdBy: ctx.actor(),
    });
    siteStatements(ctx.db).markSignedOff.run(site.revision, site.id);
    writeAudit(ctx, {
      entity: SITE_ENTITY, entityId: site.id, action: 'site.signed_off',
      detail: { revision: site.revision, signerName: input.signerName, documentId, documentSha256: pdfAsset.sha256, signatureSha256: signatureAsset.sha256, buildFingerprint: fingerprint },
    });
  })();
  ctx.emit('data.changed', { entity: SITE_ENTITY, id: site.id });
  ctx.emit('data.changed', { entity: 'document', id: documentId });
  return { site: getSite(ctx, site.id), document: toDocument(documentStatements(ctx.db).byId.get(documentId)!) };
}
