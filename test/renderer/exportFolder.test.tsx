/**
 * 导出到文件夹 in the desktop app (issue 8 items 1 and 9), in jsdom against a real backend with
 * main's real relay between them: the folder comes from main's dialog (a fake `electron.dialog`, the
 * outside edge) as a grant, never as a path the page names; a folder holding the user's own files is
 * refused with a message in Chinese and keeps them. (The export itself runs in the compile worker,
 * which does not start under jsdom: test/integration/sites/exportFolder.test.ts writes real ones.)
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { Transport } from '../../shared/api';
import { createTestBackend, tempDir, type TestBackend } from '../helpers/backend';
import { jinanEnterprise } from '../helpers/syncDevice';
import { withoutEmptyListColumns } from '../integration/sites/support';
import { renderApp } from './renderApp';

const electron = vi.hoisted(() => ({ dialog: { showOpenDialog: vi.fn() }, BrowserWindow: { fromWebContents: vi.fn(() => null) } }));
vi.mock('electron', () => electron);
const { createRelay } = await import('../../electron/main/relay');

let backend: TestBackend;
let enterpriseId: string;
/** The page's calls as the desktop app makes them: through main's relay. */
let desktop: Transport;

beforeEach(async () => {
  backend = createTestBackend();
  await backend.call('system.setOperator', { name: '李敏', channel: 'customer_manager' });
  enterpriseId = (await backend.call('enterprises.create', jinanEnterprise(1))).id;
  const site = await backend.call('sites.create', { enterpriseId });
  // A site whose check finds no error, so exporting does not ask first.
  await withoutEmptyListColumns(backend, site.id);
  const relay = createRelay(backend.transport);
  const fromApp = { senderFrame: { url: 'app://ui/index.html' }, sender: {} } as never;
  desktop = { invoke: (name, input) => relay(fromApp, name, input) as never, on: backend.transport.on };
  window.ecw = {
    invoke: (name, input) => relay(fromApp, name, input),
    on: (event, listener) => backend.transport.on(event as never, listener as never),
  };
});
afterEach(() => {
  delete window.ecw;
  backend.cleanup();
});

it('refuses a folder chosen in the dialog that holds the user’s files, says so in Chinese, and keeps them', async () => {
  const parent = tempDir('ecw-export-ui-');
  const taken = path.join(parent, '客户资料');
  mkdirSync(taken);
  writeFileSync(path.join(taken, '合同.txt'), '合同原件扫描件在柜子里');

  const { user } = renderApp(desktop, `/enterprises/${enterpriseId}/site`);
  await user.click(await screen.findByRole('tab', { name: '确认与导出' }));

  electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [taken] });
  await user.click(await screen.findByTestId('export-choose-folder'));
  const card = screen.getByTestId('export-card');
  expect(await within(card).findByText(/所选文件夹里已有其他文件/, {}, { timeout: 20_000 })).toBeInTheDocument();
  expect(readdirSync(taken)).toEqual(['合同.txt']);
  expect(readFileSync(path.join(taken, '合同.txt'), 'utf8')).toBe('合同原件扫描件在柜子里');
  expect(electron.dialog.showOpenDialog).toHaveBeenCalledTimes(1);
});
