/**
 * Word footnotes and endnotes in mammoth's HTML: mammoth writes each reference as a superscript link
 * "[1]" into the text and the notes as a numbered list at the end, each with a "↑" link back. The
 * reference marks are not part of the text they sit in (a product named "一喷三防[1]" is 一喷三防)
 * and the back links are not text at all; the notes themselves stay, as the list at the end.
 */

/** `<sup><sup><a href="#footnote-2" id="footnote-ref-2">[1]</a></sup></sup>`, with any nesting of sup. */
const NOTE_REFERENCE = /(?:<sup>)*<a href="#(?:footnote|endnote)-[^"]*" id="(?:footnote|endnote)-ref-[^"]*">\[\d+\]<\/a>(?:<\/sup>)*/g;

/** ` <a href="#footnote-ref-2">↑</a>` at the end of a note. */
const NOTE_BACK_LINK = /\s*<a href="#(?:footnote|endnote)-ref-[^"]*">↑<\/a>/g;

/** mammoth's HTML without footnote and endnote reference marks and back links. */
export const withoutNoteMarks = (html: string): string => html.replace(NOTE_REFERENCE, '').replace(NOTE_BACK_LINK, '');
