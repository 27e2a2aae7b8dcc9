/**
 * The builder's state: the site as the backend last returned it, what the editor selects, the
 * unsaved drafts (shown live in the previews, kept when switching away) and the last import's report.
 * Every save goes through `save()`: one at a time, with the current revision; a `site.stale`
 * answer reloads the site and says so, while the drafts stay as typed.
 */
import { create } from 'zustand';
import type { Input, ProcedureName } from '../../../../../shared/api';
import type { ImportReport, Site } from '../../../../../shared/api/sites';
import type { Item, Profile, RichText, SmsSettings } from '../../../../../shared/sites/model';
import { ApiCallError, call } from '../../../api/client';
import { rebaseDrafts } from './rebase';

export type EditorTab = 'intake' | 'content' | 'profile' | 'sms' | 'template' | 'domain' | 'publish';

export interface Selection {
  columnId?: string;
  itemId?: string;
  /** A field path (as the report names it, e.g. `images.0.alt`) to bring into view once. */
  field?: string;
}

/** Unsaved edits, by what they edit. */
export interface Drafts {
  items: Record<string, Item>;
  columnBodies: Record<string, RichText>;
  profile?: Profile;
  sms?: SmsSettings;
}

/** Procedures that edit a site: they take `siteId` and `revision`. */
export type SiteEdit = Extract<
  ProcedureName,
  | 'sites.updateProfile'
  | 'sites.addColumn'
  | 'sites.updateColumn'
  | 'sites.removeColumn'
  | 'sites.reorderColumns'
  | 'sites.addItem'
  | 'sites.updateItem'
  | 'sites.removeItem'
  | 'sites.reorderItems'
  | 'sites.moveItem'
  | 'sites.moveFromTray'
  | 'sites.discardTrayEntry'
  | 'sites.undoGuess'
  | 'sites.setTemplate'
  | 'sites.setDomain'
  | 'sites.updateSms'
>;
export type EditInput<N extends SiteEdit> = Omit<Input<N>, 'siteId' | 'revision'>;

interface BuilderState {
  enterpriseId: string | null;
  site: Site | null;
  loading: boolean;
  loadError: unknown;
  /** Set when a save met a newer revision and the site was reloaded. */
  staleNotice: number;
  tab: EditorTab;
  selection: Selection;
  drafts: Drafts;
  lastImport: ImportReport | null;
  open(enterpriseId: string): void;
  reload(): Promise<void>;
  setSite(site: Site): void;
  setTab(tab: EditorTab): void;
  select(selection: Selection, tab?: EditorTab): void;
  setItemDraft(item: Item | null, itemId: string): void;
  setColumnBodyDraft(columnId: string, body: RichText | null): void;
  setProfileDraft(profile: Profile | null): void;
  setSmsDraft(sms: SmsSettings | null): void;
  setLastImport(report: ImportReport | null): void;
}

const emptyDrafts = (): Drafts => ({ items: {}, columnBodies: {} });

export const useBuilder = create<BuilderState>((set, get) => ({
  enterpriseId: null,
  site: null,
  loading: false,
  loadError: null,
  staleNotice: 0,
  tab: 'content',
  selection: {},
  drafts: emptyDrafts(),
  lastImport: null,
  open(enterpriseId) {
    if (get().enterpriseId === enterpriseId) return void get().reload();
    set({ enterpriseId, site: null, loadError: null, selection: {}, drafts: emptyDrafts(), lastImport: null, tab: 'content' });
    void get().reload();
  },
  async reload() {
    const enterpriseId = get().enterpriseId;
    if (!enterpriseId) return;
    set({ loading: true });
    try {
      const site = await call('sites.getForEnterprise', { enterpriseId });
      if (get().enterpriseId !== enterpriseId) return;
      const before = get().site;
      const drafts = before && site && before.id === site.id ? rebaseDrafts(get().drafts, before.content, site.content) : get().drafts;
      set({ site, drafts, loadError: null, loading: false, ...(site ? {} : { tab: 'intake' }) });
    } catch (error) {
      set({ loadError: error, loading: false });
    }
  },
  setSite(site) {
    const current = get().site;
    if (current && current.id === site.id && current.revision > site.revision) return;
    const drafts = current && current.id === site.id ? rebaseDrafts(get().drafts, current.content, site.content) : get().drafts;
    set({ site, drafts });
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
  setLastImport: (lastImport) => set({ lastImport }),
}));

let queue: Promise<unknown> = Promise.resolve();

/** The site's current revision is read when the save's turn comes, so quick successive saves do not trip over each other. */
export function save<N extends SiteEdit>(name: N, input: EditInput<N>): Promise<Site> {
  const run = async (): Promise<Site> => {
    const { site } = useBuilder.getState();
    if (!site) throw new Error('No site is open.');
    try {
      const next = (await call(name, { ...input, siteId: site.id, revision: site.revision } as Input<N>)) as Site;
      useBuilder.getState().setSite(next);
      return next;
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'site.stale') {
        await useBuilder.getState().reload();
        useBuilder.setState((s) => ({ staleNotice: s.staleNotice + 1 }));
      }
      throw error;
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

export const isStale = (error: unknown) => error instanceof ApiCallError && error.code === 'site.stale';
