/** The security baseline of every window, against a fake `electron` module (the only fake: the outside edge). */
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ shell: { openExternal: vi.fn(async () => undefined) } }));
vi.mock('electron', () => electron);

const { restrictPermissions, hardenWebContents, secureWindowOptions } = await import('../../../electron/main/security');

type WindowOpenHandler = (details: { url: string }) => { action: string };

/** Just enough of WebContents to receive the handlers the shell installs. */
class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;
  setWindowOpenHandler(handler: WindowOpenHandler) {
    this.windowOpenHandler = handler;
  }
  /** Emits as Electron does; returns whether the handler prevented the default. */
  attempt(event: string, ...args: unknown[]): boolean {
    const e = { preventDefault: vi.fn() };
    this.emit(event, e, ...args);
    return e.preventDefault.mock.calls.length > 0;
  }
  /** Emits as Electron's newer events do: the details are properties of the event itself. */
  attemptWith(event: string, details: Record<string, unknown>): boolean {
    const e = { preventDefault: vi.fn(), ...details };
    this.emit(event, e);
    return e.preventDefault.mock.calls.length > 0;
  }
}

const harden = () => {
  const contents = new FakeWebContents();
  hardenWebContents(contents as never);
  return contents;
};

beforeEach(() => electron.shell.openExternal.mockClear());

describe('window security', () => {
  it('isolates the renderer: context isolation, sandbox, no Node, no webview', () => {
    const { webPreferences } = secureWindowOptions('/app/preload/index.cjs');
    expect(webPreferences).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
    expect(webPreferences).not.toHaveProperty('nodeIntegrationInSubFrames', true);
  });

  it('keeps navigation inside app://ui', () => {
    const contents = harden();
    expect(contents.attempt('will-navigate', 'app://ui/enterprises/new')).toBe(false);
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'app://ui.evil.example/index.html',
      'javascript:alert(1)',
    ])
      expect(contents.attempt('will-navigate', url), url).toBe(true);
  });

  it('refuses to attach a <webview>', () => {
    expect(harden().attempt('will-attach-webview', {}, {})).toBe(true);
  });

  it("denies every new window; https links go to the user's browser, nothing else does", () => {
    const contents = harden();
    const open = contents.windowOpenHandler!;
    expect(open({ url: 'https://www.10086.cn/' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://www.10086.cn/');
    electron.shell.openExternal.mockClear();
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'app://ui/index.html', 'javascript:alert(1)', 'smb://host/share'])
      expect(open({ url }), url).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  /** The handlers restrictPermissions installs on a session. */
  function permissionHandlers() {
    const handlers: {
      requestHandler?: (contents: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void;
      checkHandler?: (...args: unknown[]) => boolean;
    } = {};
    restrictPermissions({
      setPermissionRequestHandler: (h: typeof handlers.requestHandler) => (handlers.requestHandler = h),
      setPermissionCheckHandler: (h: typeof handlers.checkHandler) => (handlers.checkHandler = h),
    } as never);
    return handlers;
  }

  it('denies every permission request and check (camera, geolocation, notifications …)', () => {
    const { requestHandler, checkHandler } = permissionHandlers();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      requestHandler!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(checkHandler!({}, permission, 'app://ui')).toBe(false);
    }
  });

  it("allows the camera (video only) to the app page's main frame, for the licence reader, and nothing else (issue 12)", () => {
    const { requestHandler, checkHandler } = permissionHandlers();
    const asked = (permission: string, details: object) => {
      const callback = vi.fn();
      requestHandler!({}, permission, callback, details);
      return callback.mock.calls[0]![0] as boolean;
    };
    const camera = { requestingUrl: 'app://ui/index.html#/enterprises/new', isMainFrame: true, mediaTypes: ['video'] };
    expect(asked('media', camera)).toBe(true);
    expect(asked('media', { ...camera, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(asked('media', { ...camera, mediaTypes: ['audio'] })).toBe(false);
    expect(asked('media', { ...camera, isMainFrame: false })).toBe(false);
    for (const requestingUrl of ['https://evil.example/', 'app://ui.evil.example/', 'about:srcdoc', 'http://127.0.0.1:5173/'])
      expect(asked('media', { ...camera, requestingUrl }), requestingUrl).toBe(false);
    expect(asked('geolocation', camera)).toBe(false);
    expect(checkHandler!({}, 'media', 'app://ui', { mediaType: 'video', isMainFrame: true })).toBe(true);
    expect(checkHandler!({}, 'media', 'app://ui', { mediaType: 'audio', isMainFrame: true })).toBe(false);
    expect(checkHandler!({}, 'media', 'https://evil.example', { mediaType: 'video', isMainFrame: true })).toBe(false);
    expect(checkHandler!({}, 'media', 'app://ui', { mediaType: 'video', isMainFrame: false })).toBe(false);
  });

  it('runs no plugins (the PDF is drawn by pdf.js in the page) (issue 8 item 9)', () => {
    expect(secureWindowOptions('/app/preload/index.cjs').webPreferences?.plugins ?? false).toBe(false);
  });

  it('keeps redirects and every frame’s navigation inside the app; a preview frame may show its own page only', () => {
    const contents = harden();
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'app://ui.evil.example/index.html',
      'data:text/html,<script>1</script>',
    ])
      expect(contents.attemptWith('will-redirect', { url }), url).toBe(true);
    expect(contents.attemptWith('will-redirect', { url: 'app://ui/index.html' })).toBe(false);
    for (const url of [
      'https://evil.example/',
      'http://quancheng.ec.example.cn/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,x',
      'blob:app://ui/1',
    ])
      expect(contents.attemptWith('will-frame-navigate', { url }), url).toBe(true);
    for (const url of ['app://ui/index.html', 'about:srcdoc', 'about:blank'])
      expect(contents.attemptWith('will-frame-navigate', { url }), url).toBe(false);
  });

  it("opens in the user's browser only the https sites the app links to", () => {
    const open = harden().windowOpenHandler!;
    for (const url of [
      'https://evil.example/',
      'https://www.10086.cn.evil.example/',
      'https://www.10086.cn@evil.example/',
      'https://evil.example/?https://www.10086.cn/',
      'https://www.10086.cn:8443/',
    ])
      expect(open({ url }), url).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    open({ url: 'https://www.10086.cn/support/' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://www.10086.cn/support/');
  });
});
