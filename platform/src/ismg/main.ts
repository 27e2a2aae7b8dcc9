/**
 * `npm run ismg -- --port P --sp-id SPID --sp-secret SECRET [--http-port H] [--cmpp-version 2|3] [--report-delay-ms N|off]`:
 * the ISMG simulator on 127.0.0.1 — CMPP on `--port`, the handset page and JSON API on `--http-port`.
 * Prints `ISMG_READY {"port","httpPort","httpUrl","spId","maxVersion"}` once listening.
 */
import { parseArgs } from 'node:util';
import { startHandsetServer } from './http';
import { IsmgSimulator } from './simulator';

const USAGE =
  'npm run ismg -- --port P --sp-id SPID --sp-secret SECRET [--host 127.0.0.1] [--http-port H] [--cmpp-version 2|3] [--report-delay-ms N|off] [--ismg-code N]';

function portOf(value: string, flag: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${flag}: a port number (0 = any free one)`);
  return port;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '7890' },
      'http-port': { type: 'string' },
      'sp-id': { type: 'string' },
      'sp-secret': { type: 'string' },
      'cmpp-version': { type: 'string', default: '3' },
      'report-delay-ms': { type: 'string', default: '100' },
      'ismg-code': { type: 'string', default: '10658' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const port = portOf(values.port, '--port');
  // The handset page listens next to the CMPP port (any free port when that is 0).
  const httpPort = values['http-port'] !== undefined ? portOf(values['http-port'], '--http-port') : port === 0 ? 0 : port + 1;
  const spId = values['sp-id'] ?? '';
  if (!/^[0-9A-Za-z]{1,6}$/.test(spId) || !values['sp-secret'])
    throw new Error(`--sp-id (1–6 letters or digits) and --sp-secret are required\n${USAGE}`);
  const maxVersion = Number(values['cmpp-version']);
  if (maxVersion !== 2 && maxVersion !== 3) throw new Error('--cmpp-version: 2 or 3');
  const reportDelay = values['report-delay-ms'] === 'off' ? null : Number(values['report-delay-ms']);
  if (reportDelay !== null && !(reportDelay >= 0)) throw new Error('--report-delay-ms: milliseconds or off');

  const sim = new IsmgSimulator({
    host: values.host,
    port,
    spId,
    secret: values['sp-secret'],
    maxVersion,
    ismgCode: Number(values['ismg-code']) & 0x3fffff,
    log: (line) => console.error(line),
  });
  sim.setFaults({ reportDelayMs: reportDelay });
  const cmppPort = await sim.start();
  const web = await startHandsetServer(sim, values.host, httpPort);
  console.log(
    `ISMG simulator: CMPP on ${values.host}:${cmppPort} for SP ${spId} (up to CMPP ${maxVersion === 3 ? '3.0' : '2.0'}); handsets on ${web.url}/`,
  );
  console.log(`ISMG_READY ${JSON.stringify({ port: cmppPort, httpPort: web.port, httpUrl: web.url, spId, maxVersion })}`);
  const stop = () => {
    Promise.all([web.close(), sim.stop()]).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
