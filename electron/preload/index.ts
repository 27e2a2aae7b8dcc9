/**
 * The sandboxed preload: exposes a frozen `window.ecw` with `invoke` and `on` — never ipcRenderer itself.
 * Bundled to CommonJS (sandboxed preloads cannot be ES modules).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

const bridge = Object.freeze({
  invoke: (name: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('ecw:invoke', name, input),
  on: (event: string, listener: (payload: unknown) => void): (() => void) => {
    const wrapped = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on('ecw:event', wrapped);
    return () => ipcRenderer.removeListener('ecw:event', wrapped);
  },
});

contextBridge.exposeInMainWorld('ecw', bridge);
