/**
 * The rig every sync integration test file shares: a real platform (a child process on an
 * ephemeral port) and, unless `proxy: false`, the fault-injecting proxy in front of it — started
 * before the file's tests, its fault rules cleared after each test, everything stopped after the
 * last — and devices made through it, signed in and cleaned up at the end.
 *
 *   const rig = useSyncRig();
 *   const a = await rig.device('A');                    // jn.manager, through the proxy
 *   rig.proxy.inject({ match: pathIs('/sync/v1/push'), fault: { kind: 'drop_after' } });
 *   rig.invariants(a, b);
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startFaultProxy, type FaultProxy } from './faultProxy';
import { startPlatform, type PlatformProcess } from './platform';
import { createDevice, type Device, type DeviceOptions } from './syncDevice';
import { checkInvariants, type MonotonicityTracker } from './syncInvariants';

/** The demo customer manager's region: what jn.manager's devices may hold. */
export const JINAN = ['山东省/济南市'];

export interface RigDeviceOptions extends DeviceOptions {
  /** Demo login to sign in with (default jn.manager). */
  user?: string;
  /** Server to sign in to (default the proxy, or the platform when the rig has no proxy). */
  server?: string;
  /** Password (default the demo login's). */
  password?: string;
  /** Leave the device signed out. */
  signedOut?: boolean;
}

export interface SyncRig {
  readonly platform: PlatformProcess;
  readonly proxy: FaultProxy;
  device(name: string, options?: RigDeviceOptions): Promise<Device>;
  /** Cleans up at the end a device the test made itself (a copied data directory). */
  keep(device: Device): Device;
  /** Stops the platform (SIGTERM, or `signal`) and starts it again on its data; the proxy follows it. */
  restartPlatform(options?: { signal?: NodeJS.Signals }): Promise<PlatformProcess>;
  /** SYNC.md §3.12's invariants between the platform and these devices (scoped to 济南). */
  invariants(...devices: Device[]): void;
  invariantsWith(tracker: MonotonicityTracker, ...devices: Device[]): void;
}

export function useSyncRig(options: { proxy?: boolean } = {}): SyncRig {
  const withProxy = options.proxy ?? true;
  let platform: PlatformProcess | undefined;
  let proxy: FaultProxy | undefined;
  const devices: Device[] = [];
  const started = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`the sync rig has no ${what} (is the test inside the file that made the rig?)`);
    return value;
  };

  beforeAll(async () => {
    platform = await startPlatform();
    if (withProxy) proxy = await startFaultProxy(platform.url);
  });
  afterEach(() => proxy?.clearRules());
  afterAll(async () => {
    const failures: unknown[] = [];
    for (const d of devices.splice(0)) {
      try {
        d.cleanup();
      } catch (error) {
        failures.push(error);
      }
    }
    await proxy?.close();
    await platform?.stop();
    if (failures.length) throw failures[0];
  });

  const rig: SyncRig = {
    get platform() {
      return started(platform, 'platform');
    },
    get proxy() {
      return started(proxy, 'proxy');
    },
    async device(name, { user = 'jn.manager', server, password, signedOut, ...deviceOptions } = {}) {
      const d = rig.keep(await createDevice(name, deviceOptions));
      if (!signedOut)
        await d.signIn(server ?? (withProxy ? rig.proxy.url : rig.platform.url), user, password ?? rig.platform.login(user).password);
      return d;
    },
    keep(device) {
      devices.push(device);
      return device;
    },
    async restartPlatform(restart = {}) {
      platform = await rig.platform.restart(restart);
      proxy?.retarget(platform.url);
      return platform;
    },
    invariants: (...list) =>
      checkInvariants({ platformDataDir: rig.platform.dataDir, devices: list.map((device) => ({ device, scopes: JINAN })) }),
    invariantsWith: (tracker, ...list) =>
      checkInvariants({ platformDataDir: rig.platform.dataDir, devices: list.map((device) => ({ device, scopes: JINAN })), tracker }),
  };
  return rig;
}
