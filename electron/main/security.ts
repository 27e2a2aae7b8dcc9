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
      // No plugins: the signed PDFs are drawn by pdf.js inside the page.
      plugins: false,
    },
  };
}

/** Sites the app links to that may open in the user's browser (https, default port); everything else is refused. */
const EXTERNAL_HOSTS = new Set(['www.10086.cn', '10086.cn']);

function isAllowedExternal(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'https:' && parsed.port === '' && !parsed.username && !parsed.password && EXTERNAL_HOSTS.has(parsed.hostname)
    );
  } catch {
    return false;
  }
}

/** A page of the app itself (the slash: app://ui.evil is another host). */
const isAppPage = (url: string) => url.startsWith(`${APP_ORIGIN}/`);
/** What a frame inside the app may show: an app page, or a preview's own srcdoc document. */
const isFrameDocument = (url: string) => isAppPage(url) || url === 'about:srcdoc' || url === 'about:blank';

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppPage(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppPage(event.url)) event.preventDefault();
  });
  // Every frame's navigation, previews' included: a link clicked in a preview never loads a site inside the app.
  contents.on('will-frame-navigate', (event) => {
    if (!isFrameDocument(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * Every permission is denied but one: the camera (video only, no microphone) for the app's own page
 * in its main frame — the licence reader's 拍照识别. A preview frame, another origin or a request for
 * audio is refused.
 */
export function restrictPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const media = (details ?? {}) as { requestingUrl?: string; isMainFrame?: boolean; mediaTypes?: string[] };
    const cameraOnly = Boolean(media.mediaTypes?.length) && media.mediaTypes!.every((type) => type === 'video');
    callback(permission === 'media' && cameraOnly && media.isMainFrame === true && isAppPage(media.requestingUrl ?? ''));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const media = (details ?? {}) as { mediaType?: string; isMainFrame?: boolean };
    return permission === 'media' && media.mediaType === 'video' && media.isMainFrame === true && requestingOrigin === APP_ORIGIN;
  });
}
