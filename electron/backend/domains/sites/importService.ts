/**
 * `sites.import`: reads the material (intake/), then places it into the enterprise's site in one
 * transaction — columns merged by type, photos matched to items by name, the notes' wishes applied
 * where clear, everything else in the unsorted tray — recording every guess so it can be undone.
 */
import type { Guess, ImportReport, IntakeProblem, IntakeState } from '../../../../shared/api/sites';
import type { ParsedInput } from '../../../../shared/api';
import { checkDomain, checkSiteLabel, isReservedSiteLabel } from '../../../../shared/domain/domainName';
import type { Enterprise } from '../../../../shared/domain/enterprise';
import { normalizeCreditCode } from '../../../../shared/domain/creditCode';
import { sortedColumns, type ColumnType, type ContactBlock, type SiteContent, type SiteDomain } from '../../../../shared/sites/model';
import { templateOrDefault } from '../../../../shared/sites/templates/catalog';
import type { WriteContext } from '../../app/context';
import { AppError } from '../../app/errors';
import { commitChanges } from '../../app/unitOfWork';
import type { WritableDB } from '../../infra/db/handles';
import { registerImage } from '../assets/repository';
import { getEnterprise } from '../enterprises/service';
import { fullerAddress, fullerPerson } from '../intake/contact';
import { parseContactLines } from '../intake/fields';
import { makeGuess } from '../intake/guesses';
import { readMaterials, type IntakeResult } from '../intake/importMaterials';
import type { Colour, Wishes } from '../intake/notes';
import { abbreviates, sameBrand } from '../intake/ownName';
import { placePhotos } from '../intake/placePhotos';
import { sameProduct } from '../intake/sameItems';
import { filesFromPaths, filesFromPayloads, type IntakeFile } from '../intake/sources';
import { trayEntry } from './edits';
import { defaultSiteLabel, newSiteContent, shortNameOf } from './defaults';
import { parseIntake, siteOfEnterprise } from './repository';
import { changeSite, getSite, siteCreation } from './service';

/** Columns whose page is made of the profile or the visitors (contact, guestbook): never empty. */
const INTRINSIC_COLUMNS = new Set<ColumnType>(['contact', 'guestbook']);

/** Beijing date: what "today" means to the customer manager and the customer. */
const beijingDate = (now: Date) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

class Placement {
  readonly guesses: Guess[] = [];
  private readonly addedColumns = new Set<string>();
  readonly problems: IntakeProblem[] = [];
  /** Phone numbers the documents of this import gave, in order. */
  private readonly importedPhones: ContactBlock['phones'] = [];
  /** The address and person this import's files gave so far (not the enterprise record's, which any file replaces). */
  private imported: { address?: string; person?: string } = {};

  constructor(
    private readonly ctx: WriteContext,
    private readonly content: SiteContent,
    private readonly enterprise: Enterprise,
  ) {}

  private guess(...args: Parameters<typeof makeGuess> extends [unknown, ...infer Rest] ? Rest : never): void {
    this.guesses.push(makeGuess(this.ctx, ...args));
  }

  private tray(
    source: string,
    note: string,
    blocks: SiteContent['unsorted'][number]['blocks'],
    images: SiteContent['unsorted'][number]['images'] = [],
  ): void {
    this.content.unsorted.push(trayEntry(this.ctx.newId(), source, blocks, images, note));
  }

  place(result: IntakeResult, newSite: boolean): void {
    if (newSite) this.shortName(result.documents.map((d) => d.material.title));
    for (const file of result.enterpriseFiles) this.enterpriseFile(file.file, file.record);
    for (const doc of result.documents) this.document(doc.file, doc.material);
    for (const note of result.notes) this.notes(note.file, note.wishes);
    placePhotos(this.content, result.photos, { newId: this.ctx.newId, guess: (...args) => this.guess(...args) }, result.linked);
    this.dropEmptyColumns();
  }

  /**
   * A column this import made that ends with no text, no items and no picture (a document's title read as a heading
   * over nothing) would be an empty page, and a listing column without items stops the sign-off: it is left out.
   */
  private dropEmptyColumns(): void {
    const empty = new Set(
      this.content.columns
        .filter((c) => this.addedColumns.has(c.id) && !INTRINSIC_COLUMNS.has(c.type) && c.body.length === 0 && c.items.length === 0)
        .map((c) => c.id),
    );
    if (empty.size === 0) return;
    this.content.columns = this.content.columns.filter((c) => !empty.has(c.id));
    for (let i = this.guesses.length - 1; i >= 0; i--) {
      const target = this.guesses[i]!.target;
      if ('columnId' in target && empty.has(target.columnId)) this.guesses.splice(i, 1);
    }
  }

  /**
   * The short name made from the registered name — or, shorter, the name the customer's own document
   * is titled with when it is part of the registered name ("喜悦婚庆" over 日照市东港区喜悦婚庆礼仪有限公司), or the same
   * brand with the trade in the customer's words ("锦绣墙布墙纸" for 锦绣墙饰商行, `sameBrand`).
   */
  private shortName(titles: (string | undefined)[]): void {
    const made = this.content.profile.shortName;
    const own = titles.find((t): t is string =>
      Boolean(t && ((t.length >= 2 && t.length < made.length && (made.startsWith(t) || abbreviates(t, made))) || sameBrand(t, made))),
    );
    if (own) {
      this.content.profile.shortName = own;
      const { menu } = this.content.sms;
      if (menu.welcome === `欢迎光临${made}`.slice(0, 60)) menu.welcome = `欢迎光临${own}`.slice(0, 60);
    }
    const { shortName } = this.content.profile;
    this.guess(
      'profile.short_name',
      'enterprise',
      `Short name (SMS signature) "${shortName}" from "${this.enterprise.name}"${own ? ` (as the document's title writes it)` : ''}.`,
      { shortName },
      { kind: 'shortName', before: this.enterprise.name.slice(0, 20) },
    );
  }

  private enterpriseFile(file: string, record: Record<string, unknown>): void {
    const creditCode = typeof record.creditCode === 'string' ? normalizeCreditCode(record.creditCode) : '';
    if (creditCode !== this.enterprise.creditCode) {
      this.problems.push({
        file,
        code: 'intake.enterprise_mismatch',
        message: `This enterprise.json is for credit code ${creditCode || '(none)'}, not ${this.enterprise.creditCode}: its domain is not used.`,
      });
      return;
    }
    const domain = domainOf(record.domain);
    const untouched = this.content.domain.kind === 'assigned' && this.content.domain.label === defaultSiteLabel(this.enterprise.creditCode);
    if (!domain || !untouched) return;
    const before = this.content.domain;
    this.content.domain = domain;
    const shown = domain.kind === 'own' ? domain.name : domain.label;
    this.guess(
      'domain.enterprise_file',
      file,
      `Domain from ${file}: ${domain.kind} "${shown}".`,
      { kind: domain.kind, domain: shown },
      { kind: 'domain', before },
    );
  }

  private document(file: string, material: IntakeResult['documents'][number]['material']): void {
    this.guesses.push(...material.guesses);
    for (const column of material.columns) {
      const existing = sortedColumns(this.content).find((c) => c.type === column.type);
      if (!existing) {
        column.order = Math.max(0, ...this.content.columns.map((c) => c.order)) + 10;
        this.content.columns.push(column);
        this.addedColumns.add(column.id);
        continue;
      }
      // The site already has this column: the items join it (a product another file gave already stays one);
      // its text waits in the tray rather than being mixed in.
      const repeated = new Set(column.items.filter((item) => existing.items.some((e) => sameProduct(e, item))).map((i) => i.id));
      existing.items.push(...column.items.filter((item) => !repeated.has(item.id)));
      for (let i = this.guesses.length - 1; i >= 0; i--) {
        const target = this.guesses[i]!.target;
        if (target.kind === 'item' && repeated.has(target.itemId)) this.guesses.splice(i, 1);
      }
      if (existing.body.length === 0) existing.body = column.body;
      else if (column.body.length)
        this.tray(file, `Text for "${column.title}"; the site's "${existing.title}" already has text.`, column.body);
      const columnGuess = this.guesses.findIndex((g) => g.target.kind === 'column' && g.target.columnId === column.id);
      if (columnGuess >= 0) this.guesses.splice(columnGuess, 1);
    }
    this.content.unsorted.push(...material.unsorted);
    const contact = parseContactLines(material.contactLines);
    if (contact) this.contact(file, contact, Boolean(material.ocr));
  }

  /** The numbers of this import's files add up (a scanned price list's 电话, a text's 手机), each once; they replace the site's. */
  private phonesFound(phones: ContactBlock['phones']): ContactBlock['phones'] {
    for (const phone of phones) if (!this.importedPhones.some((p) => p.number === phone.number)) this.importedPhones.push(phone);
    return [...this.importedPhones];
  }

  private contact(file: string, found: ContactBlock, ocr: boolean): void {
    const before = structuredClone(this.content.profile.contact);
    const merged: ContactBlock = {
      ...before,
      // A business card's English side does not replace the address another file gave in Chinese.
      ...(found.address && !(/[\u4e00-\u9fff]/.test(before.address) && !/[\u4e00-\u9fff]/.test(found.address))
        ? { address: (this.imported.address = fullerAddress(this.imported.address, found.address)) }
        : {}),
      ...(found.phones.length ? { phones: this.phonesFound(found.phones) } : {}),
    };
    for (const key of ['email', 'hours', 'postcode'] as const) if (found[key]) merged[key] = found[key];
    if (found.person) merged.person = this.imported.person = fullerPerson(this.imported.person, found.person);
    this.content.profile.contact = merged;
    const params = {
      address: found.address,
      phones: found.phones.map((p) => `${p.label} ${p.number}`).join('; '),
      ...(found.email ? { email: found.email } : {}),
    };
    this.guess(
      'profile.contact',
      file,
      `Contact lines in ${file} → the site's contact block.${ocr ? ' [read by OCR]' : ''}`,
      ocr ? { ...params, ocr: 1 } : params,
      { kind: 'contact', before },
    );
  }

  private notes(file: string, wishes: Wishes): void {
    if (wishes.colour) this.colour(file, wishes.colour.value, wishes.colour.line);
    if (wishes.lottery) {
      if (this.content.sms.lottery)
        this.tray(file, 'A lottery wish; the SMS site already has a lottery.', [
          { type: 'paragraph', runs: [{ text: wishes.lottery.line }] },
        ]);
      else {
        const lottery = wishes.lottery.value;
        this.content.sms.lottery = { ...lottery, winText: '恭喜您抽中{prize}！', loseText: lottery.loseText };
        const prizes = lottery.prizes.map((p) => `${p.name}×${p.count}`).join('、');
        this.guess(
          'sms.lottery',
          file,
          `"${wishes.lottery.line}" → SMS lottery, keyword ${lottery.keyword}, prizes ${prizes}; odds were not given: set to count per 10,000 draws, please confirm.`,
          { keyword: lottery.keyword, prizes },
          { kind: 'lottery', sourceText: wishes.lottery.line },
        );
      }
    }
    for (const care of wishes.care) {
      const id = this.ctx.newId();
      const text = `${this.content.sms.signature || this.content.profile.shortName}${greetingFor(care.value.festival)}`.slice(0, 500);
      this.content.sms.care.push({ id, date: care.value.date, occasion: care.value.occasion, text });
      this.guess(
        'sms.care',
        file,
        `"${care.line}" → care message for ${care.value.occasion} on ${care.value.date}.`,
        { occasion: care.value.occasion, date: care.value.date },
        { kind: 'care', careId: id, sourceText: care.line },
      );
    }
  }

  private colour(file: string, colour: Colour, line: string): void {
    const template = templateOrDefault(this.content.template.templateId);
    const candidates = COLOUR_STYLES[colour];
    const style = template.styles.find((s) => candidates.includes(s.id)) ?? template.styles.find((s) => s.name.includes(colour));
    if (!style) {
      this.tray(file, `Colour wish "${colour}": the template ${template.name} has no such style.`, [
        { type: 'paragraph', runs: [{ text: line }] },
      ]);
      return;
    }
    const before = structuredClone(this.content.template);
    this.content.template.styleId = style.id;
    this.guess(
      'template.colour',
      file,
      `"${line}" → colour style ${style.name} (${style.id}) of template ${template.name}.`,
      { colour, style: style.id },
      { kind: 'template', before },
    );
  }
}

const COLOUR_STYLES: Record<Colour, string[]> = {
  绿: ['green', 'teal'],
  青: ['teal', 'green'],
  红: ['red', 'brick'],
  蓝: ['blue', 'navy', 'teal'],
  橙: ['orange'],
  黄: ['gold', 'orange'],
  金: ['gold', 'orange'],
  紫: ['purple'],
  灰: ['steel', 'slate', 'gray', 'ink'],
  黑: ['ink'],
  墨: ['ink'],
  褐: ['brown', 'wood'],
  棕: ['brown', 'wood'],
  咖啡: ['brown', 'wood'],
};

function greetingFor(festival: string): string {
  if (festival.startsWith('中秋')) return '祝您中秋快乐，阖家团圆！';
  if (festival.startsWith('春节')) return '恭祝您新春快乐，万事如意！';
  if (festival.startsWith('元宵')) return '祝您元宵节快乐，团团圆圆！';
  if (festival.startsWith('端午')) return '祝您端午安康！';
  return `祝您${festival.endsWith('节') ? festival : `${festival}节`}快乐！`;
}

function domainOf(value: unknown): SiteDomain | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const d = value as { kind?: unknown; label?: unknown; name?: unknown };
  if (d.kind === 'assigned' && typeof d.label === 'string' && checkSiteLabel(d.label).valid && !isReservedSiteLabel(d.label))
    return { kind: 'assigned', label: checkSiteLabel(d.label).normalized };
  if (d.kind === 'own' && typeof d.name === 'string' && checkDomain(d.name).valid)
    return { kind: 'own', name: checkDomain(d.name).unicode };
  return undefined;
}

function materialFiles(input: ParsedInput<'sites.import'>): { files: IntakeFile[]; problems: IntakeProblem[] } {
  const onDisk = filesFromPaths(input.paths ?? []);
  const uploaded = filesFromPayloads((input.files ?? []).map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') })));
  return { files: [...onDisk.files, ...uploaded.files], problems: [...onDisk.problems, ...uploaded.problems] };
}

export async function importIntoSite(ctx: WriteContext, input: ParsedInput<'sites.import'>): Promise<ImportReport> {
  const enterprise = getEnterprise(ctx, input.enterpriseId);
  const { files, problems: sourceProblems } = materialFiles(input);
  if (files.length === 0 && sourceProblems.length === 0)
    throw new AppError('site.import.nothing', 'There is nothing to import (the folder is empty).', { field: 'paths' });
  const jobId = input.jobId ?? ctx.newId();
  const progress = (done: number, label: string, finished = false) =>
    ctx.emit('job.progress', { jobId, label, done, total: files.length, ...(finished ? { finished } : {}) });
  progress(0, '导入资料 importing');
  const existingRow = siteOfEnterprise(ctx.db, enterprise.id);
  const alreadyImported = new Set((existingRow ? (parseIntake(existingRow).imported ?? []) : []).map((f) => f.sha256));
  const names = [enterprise.name, shortNameOf(enterprise.name, enterprise.region)];
  const result = await readMaterials(files, {
    dataDir: ctx.dataDir,
    newId: ctx.newId,
    today: beijingDate(ctx.now()),
    alreadyImported,
    names,
    onProgress: (done, _total, label) => progress(done, label),
  });

  let placement: Placement | undefined;
  const apply = (content: SiteContent, intake: IntakeState): IntakeState => {
    placement = new Placement(ctx, content, enterprise);
    placement.place(result, !existingRow);
    const problems = [...sourceProblems, ...result.problems, ...placement.problems];
    return { guesses: [...intake.guesses, ...placement.guesses], problems, imported: [...(intake.imported ?? []), ...result.imported] };
  };
  const registerImages = (db: WritableDB) => result.images.forEach((image) => registerImage(db, image, ctx.now()));
  const siteId = existingRow
    ? changeSite(ctx, existingRow.id, undefined, 'site.imported', (current) => ({
        content: current.content,
        intake: apply(current.content, current.intake),
        detail: { files: files.length },
        alsoWrite: registerImages,
      })).id
    : createFromImport(ctx, enterprise, apply, registerImages);
  progress(files.length, '导入完成 done', true);
  const site = getSite(ctx, siteId);
  return {
    siteId,
    revision: site.revision,
    columns: sortedColumns(site.content).map((c) => ({ id: c.id, type: c.type, title: c.title, items: c.items.length })),
    unsorted: site.content.unsorted.length,
    problems: site.intake.problems,
    guesses: placement?.guesses ?? [],
  };
}

function createFromImport(
  ctx: WriteContext,
  enterprise: Enterprise,
  apply: (content: SiteContent, intake: IntakeState) => IntakeState,
  registerImages: (db: WritableDB) => void,
): string {
  return commitChanges(ctx, () => {
    const content = newSiteContent(enterprise, { newId: ctx.newId, withTemplateColumns: false });
    const intake = apply(content, { guesses: [], problems: [] });
    const creation = siteCreation(ctx, { enterpriseId: enterprise.id, content, intake, alsoWrite: registerImages });
    return { changes: [creation], result: creation.id };
  });
}
