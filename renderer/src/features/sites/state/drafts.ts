/** Unsaved edits, by what they edit: shown live in the previews and kept when switching away. */
import type { Item, Profile, RichText, SmsSettings } from '../../../../../shared/sites/model';

export interface Drafts {
  items: Record<string, Item>;
  columnBodies: Record<string, RichText>;
  profile?: Profile;
  sms?: SmsSettings;
}

export const emptyDrafts = (): Drafts => ({ items: {}, columnBodies: {} });

export const hasDrafts = (d: Drafts) => Boolean(d.profile || d.sms || Object.keys(d.items).length || Object.keys(d.columnBodies).length);
