/**
 * Builds small but real .docx files for tests (OOXML zipped with fflate): paragraphs with a named
 * style, bold runs, hyperlinks and inline pictures with alt text — what Word and WPS write.
 */
import { strToU8, zipSync } from 'fflate';

export type DocxPart =
  | { style?: string; text: string; bold?: boolean }
  | { picture: Uint8Array; ext: 'png' | 'jpeg' | 'emf'; alt?: string }
  | { link: string; text: string };

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';

/** Style ids are ASCII in the XML; the names are what people see (标题 1, 正文 …). */
function stylesXml(names: string[]): string {
  const styles = names.map((name, i) => `<w:style w:type="paragraph" w:styleId="S${i}"><w:name w:val="${escape(name)}"/></w:style>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W}>${styles}</w:styles>`;
}

function pictureXml(rid: string, id: number, alt: string): string {
  return `<w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="${id}" name="Picture ${id}" descr="${escape(alt)}"/>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="${id}" name="p${id}"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${rid}"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
}

export function buildDocx(parts: DocxPart[]): Uint8Array {
  const styleNames = [...new Set(parts.flatMap((p) => ('style' in p && p.style ? [p.style] : [])))];
  const rels: string[] = [];
  const media: Record<string, Uint8Array> = {};
  const body = parts
    .map((part, i) => {
      if ('picture' in part) {
        const rid = `rIdImg${i}`;
        const file = `media/image${i}.${part.ext}`;
        media[`word/${file}`] = part.picture;
        rels.push(`<Relationship Id="${rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${file}"/>`);
        return `<w:p>${pictureXml(rid, i + 1, part.alt ?? '')}</w:p>`;
      }
      if ('link' in part) {
        const rid = `rIdLink${i}`;
        rels.push(`<Relationship Id="${rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${escape(part.link)}" TargetMode="External"/>`);
        return `<w:p><w:hyperlink r:id="${rid}"><w:r><w:t>${escape(part.text)}</w:t></w:r></w:hyperlink></w:p>`;
      }
      const style = part.style ? `<w:pPr><w:pStyle w:val="S${styleNames.indexOf(part.style)}"/></w:pPr>` : '';
      const bold = part.bold ? '<w:rPr><w:b/></w:rPr>' : '';
      return `<w:p>${style}<w:r>${bold}<w:t xml:space="preserve">${escape(part.text)}</w:t></w:r></w:p>`;
    })
    .join('');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="emf" ContentType="image/x-emf"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>${rels.join('')}</Relationships>`,
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    'word/styles.xml': strToU8(stylesXml(styleNames)),
    ...media,
  };
  return zipSync(files);
}
