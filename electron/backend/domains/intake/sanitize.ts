/**
 * The allowlist of SITES.md applied to everything that arrives as HTML (mammoth's output today):
 * p, h2–h4, strong, em, ul/ol/li, table/tr/td/th (with their row and column spans), a[href http(s)/mailto/tel], img[asset ref].
 * Intake also keeps h1 (the column boundaries of a Word document) and br (soft line breaks); the
 * conversion to blocks maps both away. Everything else is dropped, text kept (but struck-through text is dropped with it).
 */
import sanitizeHtml from 'sanitize-html';

export const ASSET_SCHEME = 'asset';

/** The class mammoth's style map puts on headings recognised by look (docxLook.ts); the only class kept. */
export const LOOK_CLASS = 'ecw-look';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['h1', 'h2', 'h3', 'h4', 'p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'table', 'tr', 'td', 'th', 'a', 'img'],
  // Merged cells keep their spans, so the rows under a cell merged down keep their columns (htmlToBlocks).
  allowedAttributes: {
    a: ['href'],
    img: ['src', 'alt'],
    h1: ['class'],
    h2: ['class'],
    h3: ['class'],
    h4: ['class'],
    td: ['rowspan', 'colspan'],
    th: ['rowspan', 'colspan'],
  },
  // Headings found by look keep their marker class (htmlToBlocks reads it); no other class survives.
  allowedClasses: { h1: [LOOK_CLASS], h2: [LOOK_CLASS], h3: [LOOK_CLASS], h4: [LOOK_CLASS] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: [ASSET_SCHEME] },
  allowProtocolRelative: false,
  transformTags: { h5: 'h4', h6: 'h4', b: 'strong', i: 'em' },
  // Contents of these are never text a reader should see; struck-through text (mammoth's <s> for Word's
  // w:strike, a web page's <del>/<strike>) is text the writer deleted, such as an old price before the new one.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 's', 'strike', 'del'],
};

export function sanitizeIntakeHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
