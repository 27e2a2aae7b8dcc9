/** The security baseline of ARCHITECTURE.md, applied to every window. */
import { shell, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron';
import { APP_ORIGIN } from './appProtocol';

export function secureWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      // Chromium's built-in PDF viewer shows the signed service order inside the page.
      plugins: true,
    },
  };
}

/** Links the app may open in the user's browser; everything else is refused. */
const EXTERNAL_ALLOWED = [/^https:\/\//];

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault(); // the slash: app://ui.evil is another host
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (EXTERNAL_ALLOWED.some((pattern) => pattern.test(url))) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
