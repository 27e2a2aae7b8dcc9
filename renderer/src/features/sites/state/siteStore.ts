/**
 * The builder's editing session: the site as the backend last returned it, what the editor
 * selects, the unsaved drafts (shown live in the previews, kept when switching away), the last
 * import's report, and the queue of edits on their way to the backend.
 */
import { create } from 'zustand';
import type { Input } from '../../../../../shared/api';
import { applySiteDelta, DeltaMismatch, type SiteEditName } from '../../../../../shared/api/siteDelta';
import type { ImportReport, Site, SiteDelta } from '../../../../../shared/api/sites';
import type { Item, Profile, RichText, SmsSettings } from '../../../../../shared/sites/model';
import { ApiCallError, call } from '../../../api/client';
import { emptyDrafts, type Drafts, type NewItemDraft } from './drafts';
import { rebaseDrafts } from './rebase';

export type EditorTab = 'intake' | 'content' | 'profile' | 'sms' | 'template' | 'domain' | 'publish';

export interface Selection {
  columnId?: string;
  itemId?: string;
  /** A field path (as the report names it, e.g. `images.0.alt`) to bring into view once. */
  field?: string;
}

/** Procedures that edit a site: they take `siteId` and `revision` and answer what changed. */
export type SiteEdit = SiteEditName;
export type EditInput<N extends SiteEdit> = Omit<Input<N>, 'siteId' | 'revision'>;

/**
 * An edit: its input, or how to make the input from the site as saved when the edit's turn comes
 * (null: nothing left to change). The second form is for edits the user makes relative to what
 * they see — a move up, one checkbox, one layout switch — so quick successive edits build on each
 * other instead of each starting from the screen as it was before the others were saved.
 */
export type Edit<N extends SiteEdit> = EditInput<N> | ((site: Site) => EditInput<N> | null);

interface BuilderState {
  enterpriseId: string | null;
  site: Site | null;
  /** Edits queued or on their way to the backend (the header shows that it is saving). */
  pendingEdits: number;
  /** Set when a save met a newer revision and the site was reloaded. */
  staleNotice: number;
  tab: EditorTab;
  selection: Selection;
  drafts: Drafts;
  lastImport: ImportReport | null;
  /** Starts a session on this enterprise's site (a new enterprise forgets the previous one's state). */
  open(enterpriseId: string): void;
  /** A read of the site: a newer revision replaces the one shown (drafts rebased), an older one is ignored. */
  receive(site: Site): void;
  /**
   * An edit's answer: put onto the revision shown when it is the one the edit was made on. The site
   * shown after it, or null when the answer does not fit what is shown (the site must be read again).
   */
  receiveDelta(delta: SiteDelta): Site | null;
  reload(): Promise<void>;
  setTab(tab: EditorTab): void;
  select(selection: Selection, tab?: EditorTab): void;
  setItemDraft(item: Item | null, itemId: string): void;
  setColumnBodyDraft(columnId: string, body: RichText | null): void;
  setProfileDraft(profile: Profile | null): void;
  setSmsDraft(sms: SmsSettings | null): void;
  setNewItemDraft(draft: NewItemDraft | null): void;
  setLastImport(report: ImportReport | null): void;
}

export const useBuilder = create<BuilderState>((set, get) => ({
  enterpriseId: null,
  site: null,
  pendingEdits: 0,
  staleNotice: 0,
  tab: 'content',
  selection: {},
  drafts: emptyDrafts(),
  lastImport: null,
  open(enterpriseId) {
    if (get().enterpriseId === enterpriseId) return;
    set({ enterpriseId, site: null, selection: {}, drafts: emptyDrafts(), lastImport: null, tab: 'content' });
  },
  receive(site) {
    const current = get().site;
    if (site === current || site.enterpriseId !== get().enterpriseId) return;
    if (current && current.id === site.id && current.revision > site.revision) return;
    const drafts = current && current.id === site.id ? rebaseDrafts(get().drafts, current.content, site.content) : get().drafts;
    set({ site, drafts });
  },
  receiveDelta(delta) {
    const current = get().site;
    if (!current || current.id !== delta.siteId) return null;
    if (current.revision >= delta.revision) return current; // a read brought this revision (or a newer one) first
    try {
      const next = applySiteDelta(current, delta);
      get().receive(next);
      return next;
    } catch (error) {
      if (error instanceof DeltaMismatch) return null; // made on another revision than the one shown
      throw error;
    }
  },
  async reload() {
    const enterpriseId = get().enterpriseId;
    if (!enterpriseId) return;
    const site = await call('sites.getForEnterprise', { enterpriseId });
    if (site) get().receive(site);
  },
  setTab: (tab) => set({ tab }),
  select: (selection, tab) => set({ selection, ...(tab ? { tab } : {}) }),
  setItemDraft(item, itemId) {
    const items = { ...get().drafts.items };
    if (item) items[itemId] = item;
    else delete items[itemId];
    set({ drafts: { ...get().drafts, items } });
  },
  setColumnBodyDraft(columnId, body) {
    const columnBodies = { ...get().drafts.columnBodies };
    if (body) columnBodies[columnId] = body;
    else delete columnBodies[columnId];
    set({ drafts: { ...get().drafts, columnBodies } });
  },
  setProfileDraft: (profile) => set({ drafts: { ...get().drafts, profile: profile ?? undefined } }),
  setSmsDraft: (sms) => set({ drafts: { ...get().drafts, sms: sms ?? undefined } }),
  setNewItemDraft: (newItem) => set({ drafts: { ...get().drafts, newItem: newItem ?? undefined } }),
  setLastImport: (lastImport) => set({ lastImport }),
}));

export const isStale = (error: unknown) => error instanceof ApiCallError && error.code === 'site.stale';

async function send<N extends SiteEdit>(name: N, edit: Edit<N>): Promise<Site> {
  const { site } = useBuilder.getState();
  if (!site) throw new Error('No site is open.');
  const input = typeof edit === 'function' ? edit(site) : edit;
  if (input === null) return site;
  try {
    const delta = (await call(name, { ...input, siteId: site.id, revision: site.revision } as Input<N>)) as SiteDelta;
    const shown = useBuilder.getState().receiveDelta(delta);
    if (shown) return shown;
    await useBuilder.getState().reload();
    return useBuilder.getState().site ?? site;
  } catch (error) {
    if (isStale(error)) {
      await useBuilder.getState().reload();
      useBuilder.setState((s) => ({ staleNotice: s.staleNotice + 1 }));
    }
    throw error;
  }
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Every edit of the site goes through here: one at a time, in the order they were made, each
 * with the revision the previous one produced, so however fast the user clicks and however slow
 * the machine, every edit becomes its own revision. A `site.stale` answer (someone else saved)
 * reloads the site and says so, while the drafts stay as typed.
 */
export function save<N extends SiteEdit>(name: N, edit: Edit<N>): Promise<Site> {
  useBuilder.setState((s) => ({ pendingEdits: s.pendingEdits + 1 }));
  const run = () => send(name, edit).finally(() => useBuilder.setState((s) => ({ pendingEdits: s.pendingEdits - 1 })));
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
