/**
 * `npm run platform [-- --port P --data-dir DIR --database-url postgres://… --opening-delay-ms N]`:
 * the reference central platform on 127.0.0.1 with a seeded demo organisation.
 * Prints `PLATFORM_READY {"url",…}` once listening (tests wait for that line).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createPlatform } from './app';
import { listen, listenPublic } from './listen';
import { ensureMobileRegions } from './portal/mobileRegion';
import { demoLoginsFile, seedDemo } from './seed';
import { SMS_FLAG_OPTIONS, SMS_FLAGS_USAGE, smsConfigFromFlags, smsSitesFromFlags } from './sms/config';

const DEFAULT_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'data');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      'opening-delay-ms': { type: 'string' },
      'public-port': { type: 'string' },
      'sites-domain': { type: 'string' },
      ...SMS_FLAG_OPTIONS,
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(
      `npm run platform -- [--port P] [--data-dir DIR] [--database-url postgres://…] [--opening-delay-ms N] [--public-port P] [--sites-domain D] ${SMS_FLAGS_USAGE}`,
    );
    return;
  }
  const dataDir = path.resolve(values['data-dir'] ?? process.env.ECW_PLATFORM_DATA_DIR ?? DEFAULT_DATA_DIR);
  const delay = values['opening-delay-ms'];
  const sms = smsConfigFromFlags(values);
  const platform = await createPlatform({
    dataDir,
    ...(values['database-url'] ? { databaseUrl: values['database-url'] } : {}),
    ...(sms ? { sms, answerMos: smsSitesFromFlags(values) } : {}),
    config: {
      ...(delay !== undefined ? { openingDelayMs: delay === 'off' ? null : Number(delay) } : {}),
      ...(values['sites-domain'] ? { sitesDomain: values['sites-domain'].toLowerCase() } : {}),
    },
  });
  const logins = await seedDemo(platform.ctx);
  const server = await listen(platform, Number(values.port));
  // An ephemeral staff port (tests) gets an ephemeral public one too.
  const publicServer = await listenPublic(platform, Number(values['public-port'] ?? (values.port === '0' ? '0' : '8788')));
  if (logins) {
    console.log('Demo logins (shown once; also in demo-logins.json):');
    for (const l of logins) console.log(`  ${l.user.padEnd(12)} ${l.password}  ${l.role} ${l.region}`);
  }
  console.log(`EC Workbench platform on ${server.url} (OpenAPI: ${server.url}/openapi.json, data: ${dataDir})`);
  console.log(
    `PLATFORM_READY ${JSON.stringify({ url: server.url, port: server.port, publicUrl: publicServer.url, sitesDomain: platform.ctx.config.sitesDomain, dataDir, openapi: `${server.url}/openapi.json`, demoLogins: demoLoginsFile(dataDir) })}`,
  );
  // The number-prefix data, read once now rather than by the first lookup (which may be in a transaction).
  setImmediate(ensureMobileRegions);
  const stop = () => {
    publicServer
      .close()
      .then(() => server.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: Error) => {
  console.error(err.stack ?? String(err));
  process.exit(1);
});
