/**
 * Undoing an import guess: what the rule created goes back to the unsorted tray (as it is now, so
 * later edits are kept), what it changed gets its earlier value back. Guesses about things inside
 * what is undone (items of an undone column, pictures of an undone item) go with it.
 */
import type { Guess, IntakeState } from '../../../../shared/api/sites';
import { paragraph, type SiteContent } from '../../../../shared/sites/model';
import { AppError } from '../../app/errors';
import { findItem, itemToTray, removeColumn, trayEntry } from './edits';

function dependentGuessIds(intake: IntakeState, guess: Guess, content: SiteContent): Set<string> {
  const ids = new Set([guess.id]);
  const target = guess.target;
  const itemIds = new Set<string>();
  if (target.kind === 'column') content.columns.find((c) => c.id === target.columnId)?.items.forEach((i) => itemIds.add(i.id));
  if (target.kind === 'item') itemIds.add(target.itemId);
  for (const g of intake.guesses) {
    if ((g.target.kind === 'item' || g.target.kind === 'itemImage') && itemIds.has(g.target.itemId) && g.id !== guess.id) ids.add(g.id);
    if (target.kind === 'column' && g.target.kind === 'columnImage' && g.target.columnId === target.columnId) ids.add(g.id);
  }
  return ids;
}

function hasItem(content: SiteContent, itemId: string): boolean {
  return content.columns.some((c) => c.items.some((i) => i.id === itemId));
}

function undo(content: SiteContent, guess: Guess, newId: () => string): void {
  const target = guess.target;
  const note = `Undone: ${guess.message}`;
  switch (target.kind) {
    case 'column': {
      const column = content.columns.find((c) => c.id === target.columnId);
      if (!column) return;
      // Photos in the column's text (an intro column made for photos of places) go back as photos, one entry each.
      const photos = column.body.flatMap((b) => (b.type === 'image' ? [b.image] : []));
      column.body = column.body.filter((b) => b.type !== 'image');
      removeColumn(content, target.columnId, false, newId);
      for (const image of photos) content.unsorted.push(trayEntry(newId(), image.fileName ?? guess.source, [], [image], note));
      return;
    }
    case 'item': {
      if (!hasItem(content, target.itemId)) return;
      const { column, index, item } = findItem(content, target.itemId);
      column.items.splice(index, 1);
      content.unsorted.push(itemToTray(item, newId(), guess.source, note));
      return;
    }
    case 'itemImage': {
      if (!hasItem(content, target.itemId)) return;
      const { item } = findItem(content, target.itemId);
      if (item.kind !== 'product' && item.kind !== 'article') return;
      const image = item.images.find((i) => i.sha256 === target.sha256);
      item.images = item.images.filter((i) => i.sha256 !== target.sha256);
      if (image) content.unsorted.push(trayEntry(newId(), guess.source, [], [image], note));
      return;
    }
    case 'columnImage': {
      const column = content.columns.find((c) => c.id === target.columnId);
      const block = column?.body.find((b) => b.type === 'image' && b.image.sha256 === target.sha256);
      if (!column || !block || block.type !== 'image') return;
      column.body = column.body.filter((b) => b !== block);
      content.unsorted.push(trayEntry(newId(), guess.source, [], [block.image], note));
      return;
    }
    case 'logo': {
      const logo = content.profile.logo;
      if (logo?.sha256 !== target.sha256) return;
      delete content.profile.logo;
      content.unsorted.push(trayEntry(newId(), guess.source, [], [logo], note));
      return;
    }
    case 'contact':
      content.profile.contact = target.before;
      return;
    case 'shortName':
      content.profile.shortName = target.before;
      return;
    case 'domain':
      content.domain = target.before;
      return;
    case 'template':
      content.template = target.before;
      return;
    case 'lottery':
      delete content.sms.lottery;
      content.unsorted.push(trayEntry(newId(), guess.source, [paragraph(target.sourceText)], [], note));
      return;
    case 'care':
      content.sms.care = content.sms.care.filter((c) => c.id !== target.careId);
      content.unsorted.push(trayEntry(newId(), guess.source, [paragraph(target.sourceText)], [], note));
      return;
  }
}

/** Undoes one guess in place; returns the ids of the guesses that are gone (it and its dependants). */
export function undoGuess(content: SiteContent, intake: IntakeState, guessId: string, newId: () => string): string[] {
  const guess = intake.guesses.find((g) => g.id === guessId);
  if (!guess)
    throw new AppError('site.guess_not_found', `No guess ${guessId} (it may have been undone already).`, {
      field: 'guessId',
      details: { guessId },
    });
  const gone = dependentGuessIds(intake, guess, content);
  undo(content, guess, newId);
  intake.guesses = intake.guesses.filter((g) => !gone.has(g.id));
  return [...gone];
}
