/** Unsaved edits, by what they edit: shown live in the previews and kept when switching away. */
import type { Item, Profile, RichText, SmsSettings } from '../../../../../shared/sites/model';

/** An item being added: a draft until the manager confirms it, only then a revision of the site. */
export interface NewItemDraft {
  columnId: string;
  item: Item;
}

/** The id a new item has while it is a draft (the backend gives it a real one when it is added). */
export const NEW_ITEM_ID = 'new-item';

export interface Drafts {
  items: Record<string, Item>;
  columnBodies: Record<string, RichText>;
  profile?: Profile;
  sms?: SmsSettings;
  newItem?: NewItemDraft;
}

export const emptyDrafts = (): Drafts => ({ items: {}, columnBodies: {} });

export const hasDrafts = (d: Drafts) =>
  Boolean(d.profile || d.sms || d.newItem || Object.keys(d.items).length || Object.keys(d.columnBodies).length);
