/**
 * The customer's sign-off of the previews: the signature and a 网站确认单 PDF naming exactly what was
 * shown (revision, pages, a check code of the build) are stored like the service order's — files in the
 * asset store, then one unit of work with the `site_signoff` document, the site's signed revision,
 * the audit entry and the `site.publish.v1` command carrying the signed content to the platform
 * (issue 10: it goes live once the enterprise's opening order is opened).
 */
import { createHash } from 'node:crypto';
import type { ParsedInput } from '../../../../shared/api';
import type { DocumentInfo } from '../../../../shared/api/orders';
import type { Site } from '../../../../shared/api/sites';
import { siteUrls } from '../../../../shared/sites/context';
import type { WriteContext } from '../../app/context';
import { AppError } from '../../app/errors';
import { commitChanges } from '../../app/unitOfWork';
import { operatorOf } from '../documents/pdfParts';
import { findDocument, toDocument } from '../documents/repository';
import { storeSignedDocument } from '../documents/signedDocument';
import { getEnterprise } from '../enterprises/service';
import { publishChange } from '../publishing/service';
import { readSignature, SITE_SIGNATURE_CODES } from '../orders/signature';
import { buildSite } from './build';
import { markSiteSignedOff } from './repository';
import { getSite, loadSiteRow } from './service';
import { renderSignoffPdf } from './signoffPdf';

export async function signOffSite(ctx: WriteContext, input: ParsedInput<'sites.signOff'>): Promise<{ site: Site; document: DocumentInfo }> {
  const site = getSite(ctx, input.siteId);
  const enterprise = getEnterprise(ctx, site.enterpriseId);
  const signature = await readSignature(input.signaturePngBase64, SITE_SIGNATURE_CODES);
  const { answer } = await buildSite(ctx, site.id, site.content);
  const { errors } = answer.report.summary;
  if (errors > 0)
    throw new AppError('site.signoff_has_errors', `The checks found ${errors} error(s): fix them before the customer signs.`, {
      details: { errors },
    });
  const fingerprint = createHash('sha256').update(JSON.stringify(answer.files)).digest('hex');
  const signedAt = ctx.now().toISOString();
  const pdf = await renderSignoffPdf({
    enterpriseName: enterprise.name,
    operator: operatorOf(enterprise.region),
    content: site.content,
    revision: site.revision,
    urls: siteUrls(site.content),
    pagesPerChannel: answer.report.summary.pagesPerChannel,
    buildFingerprint: fingerprint,
    signerName: input.signerName,
    signedAt,
    signaturePng: signature.forPdf,
  });
  const signed = storeSignedDocument(ctx, {
    enterpriseId: enterprise.id,
    kind: 'site_signoff',
    title: `网站确认单 第${site.revision}版`,
    fileName: `网站确认单-${site.revision}.pdf`,
    signedAt,
    signaturePng: signature.original,
    pdf,
  });
  commitChanges(ctx, (db) => {
    const row = loadSiteRow(db, site.id);
    if (row.revision !== site.revision)
      throw new AppError('site.stale', 'The site changed while signing; show the customer the new previews and sign again.', {
        details: { expected: site.revision, actual: row.revision },
      });
    return {
      changes: [
        {
          entity: 'site',
          id: site.id,
          write: (db) => markSiteSignedOff(db, site.id, site.revision),
          outbox: { localOnly: 'device_only_fields' },
          audit: {
            action: 'site.signed_off',
            detail: {
              revision: site.revision,
              signerName: input.signerName,
              documentId: signed.id,
              documentSha256: signed.pdf.sha256,
              signatureSha256: signed.signature.sha256,
              buildFingerprint: fingerprint,
            },
          },
        },
        { entity: 'document', id: signed.id, write: signed.write },
        publishChange({
          siteId: site.id,
          enterpriseId: enterprise.id,
          revision: site.revision,
          content: site.content,
          signoff: { signerName: input.signerName, signedAt, documentSha256: signed.pdf.sha256 },
        }),
      ],
      result: undefined,
    };
  });
  return { site: getSite(ctx, site.id), document: toDocument(findDocument(ctx.db, signed.id)!) };
}
