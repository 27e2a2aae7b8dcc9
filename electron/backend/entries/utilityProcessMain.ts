/** Entry of the backend in Electron's utilityProcess. The data directory comes from main as an argument. */
import { startBackend } from '../app/backend';
import { parentPortCipher } from '../domains/auth/parentPortCipher';
import { keychainTokenVault } from '../domains/auth/tokenVault';
import { warmSearchIndexSoon } from '../domains/enterprises/service';
import { serveParentPort } from '../transports/utilityProcess';

const dataDirArg = process.argv.find((a) => a.startsWith('--data-dir='));
if (!dataDirArg) throw new Error('backend started without --data-dir=');
const dataDir = dataDirArg.slice('--data-dir='.length);
const backend = startBackend({
  dataDir,
  // The shipped app does not check outputs against their schemas; `--check-outputs` does (development).
  checkOutputs: process.argv.includes('--check-outputs'),
  // Main passes --keychain when Electron's safeStorage works: tokens are then sealed by the OS keychain.
  ...(process.argv.includes('--keychain') ? { sync: { vault: keychainTokenVault(dataDir, parentPortCipher()) } } : {}),
});
warmSearchIndexSoon(backend.database);
serveParentPort(backend);
process.on('exit', () => backend.close());
