/**
 * Text read by OCR (a photographed page, a scanner app's text layer) as it was printed. OCR engines often give
 * ASCII brackets where Chinese print sets full-width ones ("竹海路18号(竹博馆往北200米)"): a pair around or after
 * Chinese text is written full-width, as the page shows it; brackets between Latin words and figures stay.
 */
const CJK = /[\u3400-\u9fff]/;

/** "路18号(竹博馆往北200米)" → "路18号（竹博馆往北200米）"; "Φ20(mm)" and "(A)" stay as they are. */
export function printedBrackets(text: string): string {
  return text.replace(/\(([^()（）]{1,40})\)/g, (whole, inside: string, at: number) =>
    CJK.test(inside) || CJK.test(text.slice(Math.max(0, at - 2), at)) ? `（${inside}）` : whole,
  );
}
