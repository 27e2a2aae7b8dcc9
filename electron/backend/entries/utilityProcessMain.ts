/** Entry of the backend in Electron's utilityProcess. The data directory comes from main as an argument. */
import { startBackend } from '../app/backend';
import { warmSearchIndexSoon } from '../domains/enterprises/service';
import { serveParentPort } from '../transports/utilityProcess';
import { configureSync } from '../domains/sync/registry';
import { keychainTokenVault } from '../domains/auth/tokenVault';
import { parentPortCipher } from '../domains/auth/parentPortCipher';

const dataDirArg = process.argv.find((a) => a.startsWith('--data-dir='));
if (!dataDirArg) throw new Error('backend started without --data-dir=');
const dataDir = dataDirArg.slice('--data-dir='.length);
const backend = startBackend({ dataDir });
// Main passes --keychain when Electron's safeStorage works: tokens are then sealed by the OS keychain.
if (process.argv.includes('--keychain')) configureSync(backend, { vault: keychainTokenVault(dataDir, parentPortCipher()) });
warmSearchIndexSoon(backend);
serveParentPort(backend);
process.on('exit', () => backend.close());
