/** Builds the platform: database, services and the Hono app with its OpenAPI document. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { adminRoutes } from './admin/routes';
import { assetRoutes } from './assets/routes';
import { AssetStore } from './assets/store';
import { requireUser, type AuthEnv } from './auth/middleware';
import { authRoutes, meRoutes } from './auth/routes';
import { Sessions } from './auth/sessions';
import { Boss } from './boss/opening';
import { vpmnRoutes } from './boss/rosterRoutes';
import { seedCatalog } from './catalog/catalog';
import { catalogRoutes } from './catalog/routes';
import { systemClock, type Clock } from './clock';
import { DEFAULT_CONFIG, isoNow, type Faults, type PlatformConfig, type PlatformContext } from './context';
import { openDatabase } from './db/database';
import type { ErrorCode } from '../../shared/platform-api/common';
import { HttpError, errorResponse, validationHook } from './http/errors';
import { requestLimits } from './http/limits';
import type { LinkConfig } from './sms/link';
import { SmsGateway } from './sms/gateway';
import { smsRoutes } from './sms/routes';
import { portalRoutes } from './portal/routes';
import { SmsResponder } from './sms/responder';
import { UsageMeter } from './sms/usage';
import { CareSender } from './sms/care';
import { DigestSender } from './portal/digest';
import { publicApp, type PublicSites } from './public/app';
import { sweepOfflineSites } from './sites/offline';
import { indexUnindexedSites } from './search/indexer';
import { PullService } from './sync/pull';
import { PushService } from './sync/push';
import { syncRoutes } from './sync/routes';

export interface PlatformOptions {
  dataDir: string;
  databaseUrl?: string;
  clock?: Clock;
  config?: Partial<Omit<PlatformConfig, 'dataDir'>>;
  log?: (line: string) => void;
  faults?: Faults;
  /** The CMPP link to the operator's ISMG (`--ismg …`); none = no SMS sent. */
  sms?: LinkConfig;
  /** Answer MOs with the SMS portal and sites (default true); false leaves them in the inbox. */
  answerMos?: boolean;
}

export interface Platform {
  app: OpenAPIHono<AuthEnv>;
  ctx: PlatformContext;
  boss: Boss;
  sms: SmsGateway | null;
  /** Answers MOs: the SMS portal and the enterprises' SMS sites (with the link only). */
  smsSites: SmsResponder | null;
  /** Rolls the SMS sent up into each enterprise's monthly usage (synced). */
  smsUsage: UsageMeter;
  /** Sends the SMS sites' care messages on their dates (with the link only). */
  smsCare: CareSender | null;
  /** Sends the portal members' daily digests (with the link only). */
  digests: DigestSender | null;
  /** The public listener's app (published sites, form posts, visit counting). */
  publicSites: PublicSites;
  close(): Promise<void>;
}

/** The token key persists in the data dir, so a restart keeps sessions valid. */
async function tokenSecret(dataDir: string): Promise<Buffer> {
  const file = path.join(dataDir, 'token-secret');
  try {
    return Buffer.from(await fs.readFile(file, 'utf8'), 'hex');
  } catch {
    const secret = randomBytes(32);
    await fs.writeFile(file, secret.toString('hex'), { mode: 0o600 });
    return secret;
  }
}

export async function createPlatform(options: PlatformOptions): Promise<Platform> {
  // Password hashes, tokens and customers' data: for the platform's own user only.
  await fs.mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  await fs.chmod(options.dataDir, 0o700);
  const database = await openDatabase(options);
  const config: PlatformConfig = {
    ...DEFAULT_CONFIG,
    tokenSecret: options.config?.tokenSecret ?? (await tokenSecret(options.dataDir)),
    ...options.config,
    dataDir: options.dataDir,
  };
  const ctx: PlatformContext = {
    database,
    clock: options.clock ?? systemClock,
    config,
    log: options.log ?? ((l) => console.error(l)),
    faults: options.faults ?? {},
  };
  await seedCatalog(database.db, isoNow(ctx));
  const store = new AssetStore(ctx);
  await store.init();
  const boss = new Boss(ctx);
  const sms = options.sms ? new SmsGateway(ctx, options.sms) : null;
  const smsSites = sms && options.answerMos !== false ? new SmsResponder(ctx, sms) : null;
  const app = buildApp(ctx, store, boss, sms);
  const publicSites = publicApp(ctx, sms);
  const offlineSweep = sweepOfflineSites(ctx, config.offlineSweepMs);
  await indexUnindexedSites(database);
  await boss.scheduleIfPending();
  const smsUsage = new UsageMeter(ctx);
  if (sms) smsUsage.start();
  const smsCare = smsSites ? new CareSender(ctx, sms!) : null;
  smsCare?.start();
  const digests = sms ? new DigestSender(ctx, sms) : null;
  digests?.start();
  smsSites?.start();
  await sms?.start();
  return {
    app,
    ctx,
    boss,
    sms,
    smsSites,
    smsUsage,
    smsCare,
    digests,
    publicSites,
    close: async () => {
      boss.stop();
      offlineSweep.stop();
      smsUsage.stop();
      smsCare?.stop();
      digests?.stop();
      smsSites?.stop();
      await publicSites.close();
      await sms?.stop();
      await database.close();
    },
  };
}

/** Hono's own 4xx answers (validators, body limits) get the contract's stable codes. */
const codeOfStatus = (status: number): ErrorCode =>
  status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : 'invalid_request';

function buildApp(ctx: PlatformContext, store: AssetStore, boss: Boss, sms: SmsGateway | null): OpenAPIHono<AuthEnv> {
  const app = new OpenAPIHono<AuthEnv>({ defaultHook: validationHook });
  app.onError((err, c) => {
    if (err instanceof HttpError) return errorResponse(c, err);
    if (err instanceof HTTPException && err.status < 500)
      return errorResponse(c, new HttpError(err.status, codeOfStatus(err.status), err.message));
    ctx.log(`platform: ${c.req.method} ${c.req.path}: ${err.stack ?? String(err)}`);
    return errorResponse(c, new HttpError(500, 'internal', 'The platform failed; the error is logged.'));
  });
  app.use('*', requestLimits());
  app.notFound((c) => errorResponse(c, new HttpError(404, 'not_found', `No endpoint ${c.req.method} ${c.req.path}.`)));
  for (const prefix of ['/auth/*', '/sync/*', '/catalog/*', '/admin/*']) app.use(prefix, compress());

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'EC Workbench reference platform',
      version: '1',
      description: 'fieldsync v1 (SYNC.md §3); contract in shared/platform-api',
    },
  });
  app.get('/health', (c) => c.json({ ok: true, serverTime: isoNow(ctx) }));

  const sessions = new Sessions(ctx);
  authRoutes(app as unknown as OpenAPIHono, sessions);
  const authenticated = requireUser(ctx, sessions);
  for (const prefix of ['/auth/v1/me', '/sync/*', '/assets/*', '/catalog/*', '/admin/*', '/portal/*', '/vpmn/*'])
    app.use(prefix, authenticated);
  meRoutes(app);
  syncRoutes(app, ctx, new PushService(ctx, { orderSubmitted: () => boss.schedule() }), new PullService(ctx));
  catalogRoutes(app, ctx);
  vpmnRoutes(app, ctx);
  assetRoutes(app, ctx, store);
  adminRoutes(app, ctx, boss);
  portalRoutes(app, ctx);
  if (sms) smsRoutes(app, sms);
  return app;
}
