/** Entry of the backend in Electron's utilityProcess. The data directory comes from main as an argument. */
import { startBackend } from './backend';
import { warmSearchIndexSoon } from './enterprises/service';
import { serveParentPort } from './transports/utilityProcess';

const dataDirArg = process.argv.find((a) => a.startsWith('--data-dir='));
if (!dataDirArg) throw new Error('backend started without --data-dir=');
const backend = startBackend({ dataDir: dataDirArg.slice('--data-dir='.length) });
warmSearchIndexSoon(backend);
serveParentPort(backend);
process.on('exit', () => backend.close());
