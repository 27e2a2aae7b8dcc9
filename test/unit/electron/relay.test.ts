/**
 * Main's relay of the page's calls (issue 8 item 9): only the app's own frame is heard, and a
 * file-system path reaches the backend only as a folder the person chose in main's own dialog —
 * the page holds an opaque grant, never a path it could make up. Fake `electron.dialog`: the outside edge.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ dialog: { showOpenDialog: vi.fn() }, BrowserWindow: { fromWebContents: vi.fn(() => ({ id: 1 })) } }));
vi.mock('electron', () => electron);

const { createRelay } = await import('../../../electron/main/relay');

const fromApp = { senderFrame: { url: 'app://ui/index.html' }, sender: {} };
const backendCalls: { name: string; input: unknown }[] = [];
const backend = {
  invoke: vi.fn(async (name: string, input: unknown) => (backendCalls.push({ name, input }), { ok: true as const, value: 'done' })),
};

let relay: ReturnType<typeof createRelay>;
beforeEach(() => {
  backendCalls.length = 0;
  electron.dialog.showOpenDialog.mockReset();
  relay = createRelay(backend);
});

const choose = async (folder: string | null) => {
  electron.dialog.showOpenDialog.mockResolvedValueOnce(
    folder ? { canceled: false, filePaths: [folder] } : { canceled: true, filePaths: [] },
  );
  return relay(fromApp as never, 'shell.chooseFolder', {});
};

describe('the relay of the page’s calls', () => {
  it('passes the app’s calls to the backend and refuses any other frame', async () => {
    expect(await relay(fromApp as never, 'enterprises.list', { query: '' })).toEqual({ ok: true, value: 'done' });
    expect(await relay({ senderFrame: { url: 'https://evil.example/' } } as never, 'enterprises.list', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await relay({ senderFrame: { url: 'app://ui.evil/x' } } as never, 'enterprises.list', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(backendCalls).toEqual([{ name: 'enterprises.list', input: { query: '' } }]);
  });

  it('refuses a path the page names itself, for an export folder and for import files', async () => {
    for (const [name, input] of [
      ['sites.export', { siteId: 's1', outDir: tmpdir() }],
      ['sites.import', { enterpriseId: 'e1', paths: [path.join(tmpdir(), '.ssh')] }],
      ['sites.export', { siteId: 's1', outDir: 'grant:made-up' }],
    ] as const) {
      expect(await relay(fromApp as never, name, input), JSON.stringify(input)).toMatchObject({
        ok: false,
        error: { code: 'local_path_refused' },
      });
    }
    expect(backendCalls).toEqual([]);
  });

  it('turns a folder chosen in main’s dialog into a grant for the page, and the grant into the path for the backend', async () => {
    const folder = path.join(tmpdir(), '网站导出');
    const chosen = (await choose(folder)) as { ok: true; value: { grant: string; label: string } };
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ properties: expect.arrayContaining(['openDirectory', 'createDirectory']) }),
    );
    expect(chosen.value.label).toBe(folder);
    expect(chosen.value.grant).not.toContain(tmpdir());
    expect(await relay(fromApp as never, 'sites.export', { siteId: 's1', outDir: chosen.value.grant })).toEqual({
      ok: true,
      value: 'done',
    });
    expect(backendCalls).toEqual([{ name: 'sites.export', input: { siteId: 's1', outDir: folder } }]);
    // An export without a folder (the data folder's exports) needs no grant.
    expect(await relay(fromApp as never, 'sites.export', { siteId: 's1' })).toEqual({ ok: true, value: 'done' });
  });

  it('answers null when the dialog is cancelled, and grants nothing', async () => {
    expect(await choose(null)).toEqual({ ok: true, value: null });
  });

  it('does not show the dialog to another frame', async () => {
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/'] });
    expect(await relay({ senderFrame: { url: 'https://evil.example/' } } as never, 'shell.chooseFolder', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(electron.dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});
