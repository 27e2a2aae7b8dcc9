import { defineHandlers } from '../../app/handlerTypes';
import { buildReport, exportToFolder, exportZipFile, pictureData, pictureFile, previewPage } from './builds';
import * as edits from './contentEdits';
import { importIntoSite } from './importService';
import { createSite, getSite, getSiteForEnterprise } from './service';
import { signOffSite } from './signoff';

export const siteHandlers = defineHandlers({
  'sites.create': ({ enterpriseId }, ctx) => createSite(ctx, enterpriseId),
  'sites.get': ({ siteId }, ctx) => getSite(ctx, siteId),
  'sites.getForEnterprise': ({ enterpriseId }, ctx) => getSiteForEnterprise(ctx, enterpriseId),
  'sites.updateProfile': (input, ctx) => edits.updateProfile(ctx, input),
  'sites.addColumn': (input, ctx) => edits.addColumn(ctx, input),
  'sites.updateColumn': (input, ctx) => edits.updateColumn(ctx, input),
  'sites.removeColumn': (input, ctx) => edits.removeColumn(ctx, input),
  'sites.reorderColumns': (input, ctx) => edits.reorderColumns(ctx, input),
  'sites.addItem': (input, ctx) => edits.addItem(ctx, input),
  'sites.updateItem': (input, ctx) => edits.updateItem(ctx, input),
  'sites.removeItem': (input, ctx) => edits.removeItem(ctx, input),
  'sites.reorderItems': (input, ctx) => edits.reorderItems(ctx, input),
  'sites.moveItem': (input, ctx) => edits.moveItem(ctx, input),
  'sites.moveFromTray': (input, ctx) => edits.moveFromTray(ctx, input),
  'sites.discardTrayEntry': (input, ctx) => edits.discardTrayEntry(ctx, input),
  'sites.undoGuess': (input, ctx) => edits.undoGuess(ctx, input),
  'sites.setTemplate': (input, ctx) => edits.setTemplate(ctx, input),
  'sites.setDomain': (input, ctx) => edits.setDomain(ctx, input),
  'sites.updateSms': (input, ctx) => edits.updateSms(ctx, input),
  'sites.import': (input, ctx) => importIntoSite(ctx, input),
  'sites.build': (input, ctx) => buildReport(ctx, input),
  'sites.preview': (input, ctx) => previewPage(ctx, input),
  'sites.export': (input, ctx) => exportToFolder(ctx, input),
  'sites.signOff': (input, ctx) => signOffSite(ctx, input),
  'sites.image': (input, ctx) => pictureData(ctx, input),
  'files.image': (input, ctx) => pictureFile(ctx, input),
  'files.siteExport': (input, ctx) => exportZipFile(ctx, input),
});
