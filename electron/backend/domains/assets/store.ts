/**
 * The content-addressed asset store: files at `assets/<first two hex>/<sha256>`, never overwritten.
 * Writing is two steps so the database row can share a transaction with the row that uses it:
 *   1. `storeAssetFile` (outside any transaction): temp file → fsync → atomic rename;
 *   2. `registerAsset` (repository.ts, inside the caller's transaction): the `asset` row, queued for upload.
 */
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';

export interface StoredAsset {
  sha256: string;
  size: number;
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function assetFile(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
  return path.join(dataDir, 'assets', sha256.slice(0, 2), sha256);
}

export function storeAssetFile(dataDir: string, bytes: Uint8Array): StoredAsset {
  const sha256 = sha256Of(bytes);
  const target = assetFile(dataDir, sha256);
  if (!existsSync(target)) {
    const tmpDir = path.join(dataDir, 'assets', 'tmp');
    mkdirSync(tmpDir, { recursive: true });
    mkdirSync(path.dirname(target), { recursive: true });
    const tmp = path.join(tmpDir, randomUUID());
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
    fsyncDirectory(path.dirname(target));
  }
  return { sha256, size: bytes.byteLength };
}

function fsyncDirectory(dir: string): void {
  if (process.platform === 'win32') return; // directories cannot be opened for fsync on Windows
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function readAsset(dataDir: string, sha256: string): Buffer {
  return readFileSync(assetFile(dataDir, sha256));
}

export const hasAssetFile = (dataDir: string, sha256: string) => existsSync(assetFile(dataDir, sha256));
