/**
 * The allowlist of SITES.md applied to everything that arrives as HTML (mammoth's output today):
 * p, h2–h4, strong, em, ul/ol/li, table/tr/td/th, a[href http(s)/mailto/tel], img[asset ref].
 * Intake also keeps h1 (the column boundaries of a Word document) and br (soft line breaks); the
 * conversion to blocks maps both away. Everything else is dropped, text kept.
 */
import sanitizeHtml from 'sanitize-html';

export const ASSET_SCHEME = 'asset';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['h1', 'h2', 'h3', 'h4', 'p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'table', 'tr', 'td', 'th', 'a', 'img'],
  allowedAttributes: { a: ['href'], img: ['src', 'alt'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: [ASSET_SCHEME] },
  allowProtocolRelative: false,
  transformTags: { h5: 'h4', h6: 'h4', b: 'strong', i: 'em' },
  // Contents of these are never text a reader should see.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title'],
};

export function sanitizeIntakeHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
