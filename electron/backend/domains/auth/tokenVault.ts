/**
 * Where the platform tokens are kept. The backend never imports electron, so the OS keychain is
 * reached through a `SecretCipher` that Electron's main process provides (safeStorage); browser
 * mode and the CLI keep a file only the user can read (0600) in the data directory.
 */
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires, per the server (ISO), for display and early refresh. */
  accessExpiresAt?: string;
}

export interface TokenVault {
  /** Where the tokens live, for the status screen ("OS keychain", "file ~/…/platform-tokens.json"). */
  readonly kind: 'file' | 'keychain';
  read(): Promise<Tokens | null>;
  write(tokens: Tokens): Promise<void>;
  clear(): Promise<void>;
}

/**
 * What Electron's main process must provide for the keychain vault: `safeStorage.encryptString`
 * and `safeStorage.decryptString`, relayed over the utilityProcess port (bytes as base64).
 */
export interface SecretCipher {
  encrypt(plain: string): Promise<string>;
  decrypt(sealed: string): Promise<string>;
}

export const TOKEN_FILE = 'platform-tokens.json';
export const SEALED_TOKEN_FILE = 'platform-tokens.sealed';

function writePrivate(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  chmodSync(tmp, 0o600); // the mode above is masked by umask; be explicit
  renameSync(tmp, file);
}

function parseTokens(text: string): Tokens | null {
  try {
    const value = JSON.parse(text) as Partial<Tokens>;
    return typeof value.accessToken === 'string' && typeof value.refreshToken === 'string' ? (value as Tokens) : null;
  } catch {
    return null;
  }
}

/** Browser mode and the CLI: a JSON file readable by the user only. */
export function fileTokenVault(dataDir: string): TokenVault {
  const file = path.join(dataDir, TOKEN_FILE);
  return {
    kind: 'file',
    read: async () => (existsSync(file) ? parseTokens(readFileSync(file, 'utf8')) : null),
    write: async (tokens) => writePrivate(file, JSON.stringify(tokens)),
    clear: async () => rmSync(file, { force: true }),
  };
}

/** Electron: the tokens sealed by the OS keychain (safeStorage), the sealed bytes in a 0600 file. */
export function keychainTokenVault(dataDir: string, cipher: SecretCipher): TokenVault {
  const file = path.join(dataDir, SEALED_TOKEN_FILE);
  return {
    kind: 'keychain',
    read: async () => {
      if (!existsSync(file)) return null;
      try {
        return parseTokens(await cipher.decrypt(readFileSync(file, 'utf8')));
      } catch {
        return null; // keychain changed or unavailable: the user signs in again
      }
    },
    write: async (tokens) => writePrivate(file, await cipher.encrypt(JSON.stringify(tokens))),
    clear: async () => rmSync(file, { force: true }),
  };
}
