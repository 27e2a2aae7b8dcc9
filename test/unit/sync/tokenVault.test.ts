/** Token storage: a file only the user can read (browser mode, CLI), or sealed by the OS keychain (Electron). */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fileTokenVault,
  keychainTokenVault,
  SEALED_TOKEN_FILE,
  TOKEN_FILE,
  type SecretCipher,
} from '../../../electron/backend/domains/auth/tokenVault';
import { checkVerifier, makeVerifier } from '../../../electron/backend/domains/auth/verifier';
import { tempDir } from '../../helpers/backend';

const tokens = { accessToken: 'access-1', refreshToken: 'refresh-1', accessExpiresAt: '2026-11-16T01:15:00.000Z' };

describe('file token vault', () => {
  it('keeps the tokens in a file readable by the user only, and forgets them on clear', async () => {
    const dir = tempDir();
    const vault = fileTokenVault(dir);
    expect(await vault.read()).toBeNull();
    await vault.write(tokens);
    expect(statSync(path.join(dir, TOKEN_FILE)).mode & 0o777).toBe(0o600);
    expect(await fileTokenVault(dir).read()).toEqual(tokens);
    await vault.clear();
    expect(await vault.read()).toBeNull();
  });

  it('treats a damaged file as signed out instead of failing', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, TOKEN_FILE), '{"accessToken": 1');
    expect(await fileTokenVault(dir).read()).toBeNull();
  });
});

describe('keychain token vault', () => {
  // Stands in for Electron's safeStorage, which main relays; what matters here is that nothing readable reaches the disk.
  const xor = (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ 0x5a));
  const cipher: SecretCipher = {
    encrypt: async (plain) => xor(Buffer.from(plain)).toString('base64'),
    decrypt: async (sealed) => xor(Buffer.from(sealed, 'base64')).toString(),
  };

  it('stores only what the keychain sealed, 0600, and reads it back through the keychain', async () => {
    const dir = tempDir();
    const vault = keychainTokenVault(dir, cipher);
    await vault.write(tokens);
    const onDisk = readFileSync(path.join(dir, SEALED_TOKEN_FILE), 'utf8');
    expect(onDisk).not.toContain('refresh-1');
    expect(statSync(path.join(dir, SEALED_TOKEN_FILE)).mode & 0o777).toBe(0o600);
    expect(await vault.read()).toEqual(tokens);
    expect(vault.kind).toBe('keychain');
  });

  it('asks for a new sign-in when the keychain cannot open the tokens any more', async () => {
    const dir = tempDir();
    await keychainTokenVault(dir, cipher).write(tokens);
    const broken = keychainTokenVault(dir, {
      ...cipher,
      decrypt: async () => {
        throw new Error('keychain locked');
      },
    });
    expect(await broken.read()).toBeNull();
  });
});

describe('offline verifier', () => {
  it('accepts the password it was made from and nothing else, without storing the password', async () => {
    const verifier = await makeVerifier('Xxy999KaVPLx');
    expect(JSON.stringify(verifier)).not.toContain('Xxy999KaVPLx');
    expect(await checkVerifier(verifier, 'Xxy999KaVPLx')).toBe(true);
    expect(await checkVerifier(verifier, 'xxy999KaVPLx')).toBe(false);
    expect((await makeVerifier('Xxy999KaVPLx')).hash).not.toBe(verifier.hash); // salted
  });
});

describe('keychain over the utilityProcess port', () => {
  it('asks main to seal and open the tokens, matching answers to questions', async () => {
    const { parentPortCipher } = await import('../../../electron/backend/domains/auth/parentPortCipher');
    let toBackend: (message: { data: unknown }) => void = () => undefined;
    // Main's side, as electron/main must implement it (safeStorage stands in as base64 of reversed text).
    const port = {
      on: (_event: 'message', listener: (message: { data: unknown }) => void) => void (toBackend = listener),
      postMessage: (message: unknown) => {
        const m = message as { id: number; op: string; data: string };
        const data =
          m.op === 'encrypt'
            ? Buffer.from([...m.data].reverse().join('')).toString('base64')
            : [...Buffer.from(m.data, 'base64').toString()].reverse().join('');
        setTimeout(
          () =>
            toBackend({
              data:
                m.data === 'fail'
                  ? { type: 'vault-result', id: m.id, ok: false, error: 'no keyring' }
                  : { type: 'vault-result', id: m.id, ok: true, data },
            }),
          1,
        );
      },
    };
    const cipher = parentPortCipher(port);
    const dir = tempDir();
    const vault = keychainTokenVault(dir, cipher);
    await vault.write(tokens);
    expect(readFileSync(path.join(dir, SEALED_TOKEN_FILE), 'utf8')).not.toContain('refresh-1');
    expect(await vault.read()).toEqual(tokens);
    await expect(cipher.encrypt('fail')).rejects.toThrow('no keyring');
  });
});
