/**
 * The Electron shell: one window, the app:// protocol, and a relay to the backend utilityProcess.
 * No business logic lives here.
 */
import { app, BrowserWindow, ipcMain, powerMonitor, protocol, safeStorage, session } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { answerFile, APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, mimeOf, resolveAppPath, type Invoke } from './appProtocol';
import { BackendHost } from './backendHost';
import { createRelay } from './relay';
import { restrictPermissions, hardenWebContents, secureWindowOptions } from './security';

const outDir = path.resolve(__dirname, '..');
const rendererDir = path.join(outDir, 'renderer');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

function registerAppProtocol(invoke: Invoke): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const answered = await answerFile(request.url, invoke);
    if (answered) return answered;
    const file = resolveAppPath(request.url, rendererDir);
    if (!file) return new Response('Not found', { status: 404 });
    // An unknown path is a client-side route: answer with the app's index page.
    const [body, served] = await readFile(file).then(
      (bytes) => [bytes, file] as const,
      async () => [await readFile(path.join(rendererDir, 'index.html')), 'index.html'] as const,
    );
    return new Response(new Uint8Array(body), {
      headers: { 'Content-Type': mimeOf(served), 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
    });
  });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: '集团客户工作台 EC Workbench',
    show: false,
    ...secureWindowOptions(path.join(outDir, 'preload', 'index.cjs')),
  });
  hardenWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

const broadcast = (channel: string, ...args: unknown[]) => {
  for (const window of BrowserWindow.getAllWindows()) window.webContents.send(channel, ...args);
};

if (!app.requestSingleInstanceLock()) app.quit();

void app.whenReady().then(() => {
  restrictPermissions(session.defaultSession);
  const backend = new BackendHost({
    entry: path.join(outDir, 'backend', 'main.cjs'),
    dataDir: app.getPath('userData'),
    onEvent: (event, payload) => broadcast('ecw:event', event, payload),
    onExit: (code) => broadcast('ecw:event', 'backend.restarted', { code }),
    ...(safeStorage.isEncryptionAvailable()
      ? {
          keychain: {
            encrypt: (plain: string) => safeStorage.encryptString(plain).toString('base64'),
            decrypt: (sealed: string) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
          },
        }
      : {}),
  });
  registerAppProtocol((name, input) => backend.invoke(name, input));
  backend.start();
  // A laptop waking up is the moment a manager expects the queue to go out.
  powerMonitor.on('resume', () => void backend.invoke('sync.nudge', { reason: 'resume' }));
  ipcMain.handle('ecw:invoke', createRelay(backend));
  app.on('before-quit', () => backend.stop());
  createWindow();
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && createWindow());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
