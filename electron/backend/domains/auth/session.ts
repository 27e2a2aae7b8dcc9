/**
 * Signing in to the platform: the server address and the account are remembered in the database,
 * the tokens in a TokenVault (OS keychain in Electron, a 0600 file elsewhere), and a scrypt
 * verifier of the password allows an offline sign-in after one online sign-in.
 */
import { sessionSchema, type Session, type StaffUser } from '../../../../shared/platform-api';
import { AppError } from '../../app/errors';
import type { ReadableDB, WritableDB } from '../../infra/db/handles';
import type { WriteQueue } from '../../infra/db/writeQueue';
import { getJson, setJson } from '../sync/db/state';
import { SignInRequired, SyncFailure, TransientFailure } from '../sync/errors';
import { createPlatformClient, type Credentials, type PlatformClient } from '../sync/platform';
import type { Tokens, TokenVault } from './tokenVault';
import { checkVerifier, makeVerifier, type Verifier } from './verifier';

export interface Account {
  server: string;
  login: string;
  user: StaffUser;
  verifier: Verifier;
  signedInAt: string;
}

export interface SignInResult {
  mode: 'online' | 'offline';
  account: Account;
}

export interface SessionManager extends Credentials {
  /** The one client of this platform address, its requests signed with this session's tokens. */
  client(server: string): PlatformClient;
  signIn(input: { server: string; user: string; password: string }): Promise<SignInResult>;
  signOut(): Promise<void>;
  account(): Account | undefined;
  hasTokens(): Promise<boolean>;
}

export function normalizeServer(server: string): string {
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(server.trim()) ? server.trim() : `http://${server.trim()}`);
  } catch {
    throw new AppError('sync.bad_server', `"${server}" is not a server address.`, { field: 'server' });
  }
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

const toTokens = (s: Session): Tokens => ({ accessToken: s.accessToken, refreshToken: s.refreshToken, accessExpiresAt: s.accessExpiresAt });

export interface SessionOptions {
  db: () => ReadableDB;
  writes: WriteQueue;
  vault: TokenVault;
  now: () => Date;
  /** Another account or server on this device (in the transaction that saves the new one): the engine registers a new clientId and resyncs. */
  onAccountChanged?: (db: WritableDB, previous: Account, next: Account) => void;
}

export function createSessionManager(options: SessionOptions): SessionManager {
  const { vault } = options;
  let cached: Tokens | null | undefined;
  let refreshing: Promise<string> | null = null;
  let current: PlatformClient | null = null;

  const account = () => getJson<Account>(options.db(), 'account');
  const tokens = async () => (cached === undefined ? (cached = await vault.read()) : cached);
  const store = async (next: Tokens | null) => {
    cached = next;
    if (next) await vault.write(next);
    else await vault.clear();
  };

  const credentials: Credentials = {
    async accessToken() {
      await refreshing?.catch(() => undefined); // a request made during a refresh waits for the new token
      return (await tokens())?.accessToken ?? null;
    },
    refresh,
  };

  function client(server: string): PlatformClient {
    if (current?.baseUrl !== server.replace(/\/+$/, '')) current = createPlatformClient(server, credentials);
    return current;
  }

  async function onlineSignIn(server: string, login: string, password: string): Promise<Session> {
    const response = await client(server).raw('/auth/v1/login', {
      body: { user: login, password },
      anonymous: true,
      accept: [401],
      timeoutMs: 15_000,
    });
    if (response.status === 401)
      throw new AppError('sync.invalid_credentials', 'The user name or password is wrong.', { field: 'password' });
    const parsed = sessionSchema.safeParse(response.json());
    if (!parsed.success) throw new AppError('sync.bad_response', 'The platform answered the sign-in with something unexpected.');
    return parsed.data;
  }

  async function offlineSignIn(server: string, login: string, password: string, cause: SyncFailure): Promise<SignInResult> {
    const known = account();
    if (!known || known.server !== server || known.login !== login)
      throw new AppError(
        'sync.offline',
        `The platform cannot be reached (${cause.message}); offline sign-in needs one online sign-in on this device first.`,
      );
    if (!(await checkVerifier(known.verifier, password)))
      throw new AppError('sync.invalid_credentials', 'The user name or password is wrong.', { field: 'password' });
    return { mode: 'offline', account: known };
  }

  async function refresh(rejected: string): Promise<string> {
    const held = await tokens();
    if (!held) throw new SignInRequired('signed_out', 'Sign in to the platform again.');
    if (held.accessToken !== rejected) return held.accessToken; // someone refreshed meanwhile
    refreshing ??= (async () => {
      const known = account();
      if (!known) throw new SignInRequired('signed_out', 'Sign in to the platform again.');
      const response = await client(known.server).raw('/auth/v1/refresh', {
        body: { refreshToken: held.refreshToken },
        anonymous: true,
        accept: [400, 401],
      });
      if (response.status === 400 || response.status === 401) {
        await store(null);
        throw new SignInRequired('session_expired', 'The platform session has ended; sign in again.');
      }
      const session = sessionSchema.parse(response.json());
      await store(toTokens(session));
      return session.accessToken;
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  return {
    ...credentials,
    client,
    account,
    hasTokens: async () => (await tokens()) !== null,
    async signIn(input) {
      const server = normalizeServer(input.server);
      const login = input.user.trim();
      let session: Session;
      try {
        session = await onlineSignIn(server, login, input.password);
      } catch (error) {
        if (error instanceof TransientFailure && error.status === undefined) return offlineSignIn(server, login, input.password, error);
        if (error instanceof TransientFailure && error.status === 429)
          throw new AppError('sync.rate_limited', 'Too many sign-in attempts; wait a few minutes.', {
            details: { retryAfterMs: error.retryAfterMs },
          });
        if (error instanceof SyncFailure) throw new AppError('sync.sign_in_failed', error.message);
        throw error;
      }
      const next: Account = {
        server,
        login,
        user: session.user,
        verifier: await makeVerifier(input.password),
        signedInAt: options.now().toISOString(),
      };
      const previous = account();
      await store(toTokens(session));
      await options.writes.write((db) => {
        setJson(db, 'account', next);
        if (previous && (previous.server !== server || previous.user.id !== session.user.id))
          options.onAccountChanged?.(db, previous, next);
      });
      return { mode: 'online', account: next };
    },
    async signOut() {
      const held = await tokens();
      const known = account();
      if (held && known) {
        await client(known.server)
          .raw('/auth/v1/logout', { body: { refreshToken: held.refreshToken }, anonymous: true, timeoutMs: 5000, accept: [400, 401] })
          .catch(() => undefined);
      }
      await store(null);
    },
  };
}
