/** The XML inside Office and OpenDocument zips as a plain tree (htmlparser2 in XML mode), and a search in it. */
import { parseDocument } from 'htmlparser2';

export interface XmlNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: XmlNode[];
}

export const parseXml = (xml: string) => parseDocument(xml, { xmlMode: true, decodeEntities: true }) as unknown as XmlNode;

/** Every element named `name` below `node`, in document order (not below a match). */
export const elements = (node: XmlNode, name: string): XmlNode[] =>
  (node.children ?? []).flatMap((child) => (child.type !== 'tag' ? [] : child.name === name ? [child] : elements(child, name)));
