/** What reading one file gives the import; its own module so the main thread's client imports no reader. */
import type { IntakeProblem } from '../../../../shared/api/sites';
import type { StoredImage } from '../assets/imageStore';
import type { PhotoCaption } from './captions';
import type { Wishes } from './notes';
import type { StructuredMaterial } from './structure';
import type { LinkedPicture } from './webPage';

export interface ReadOutput {
  documents: { file: string; material: StructuredMaterial }[];
  notes: { file: string; wishes: Wishes }[];
  /** Pictures found inside documents, stored by sha256 (to be registered with the site). */
  images: StoredImage[];
  /** Pictures web pages show from files beside them: their image blocks hold a stand-in until the photo is placed. */
  linked: LinkedPicture[];
  /** What photos show, from a caption list ("图片说明.txt"): placed by it (placePhotos.ts). */
  captions: PhotoCaption[];
  /** Files attached to an e-mail, packed in an archive, or pictures of a document's template: read by the caller like the folder's own files. */
  attachments: { name: string; bytes: Uint8Array }[];
  /** The pages of a PDF without text (a scan), as pictures: the caller reads them by OCR. */
  scans: Uint8Array[];
  /** Pictures pasted into a Word document (a screenshot of a price list): the caller reads those that look like a page by OCR. */
  pasted: Uint8Array[];
  problems: IntakeProblem[];
}

export const emptyReadOutput = (problems: IntakeProblem[] = []): ReadOutput => ({
  documents: [],
  notes: [],
  images: [],
  linked: [],
  captions: [],
  attachments: [],
  scans: [],
  pasted: [],
  problems,
});
