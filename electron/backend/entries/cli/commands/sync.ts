/**
 * `ecw login --server URL --user U --password-stdin`, `ecw logout`, `ecw sync` (one cycle) and
 * `ecw sync status`. The password is read from stdin so it never shows in a process list.
 */
import { parseArgs } from 'node:util';
import { CliError, type CliCommand, type CliIO } from '../io';

const LOGIN_USAGE = 'login --server URL --user USER --password-stdin';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new CliError('usage', 'Pipe the password in: echo "$PASSWORD" | ecw login … --password-stdin', 2);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const transport = (io: CliIO, pullLimit?: number) => io.transport(pullLimit ? { pullLimit } : {});

export const syncCommands: CliCommand[] = [
  {
    path: ['login'],
    usage: LOGIN_USAGE,
    run: async (args, io) => {
      let values: { server?: string; user?: string; 'password-stdin'?: boolean };
      try {
        values = parseArgs({
          args,
          options: { server: { type: 'string' }, user: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
          strict: true,
        }).values;
      } catch (error) {
        throw new CliError('usage', `${(error as Error).message}\nUsage: ecw ${LOGIN_USAGE}`, 2);
      }
      if (!values.server || !values.user || !values['password-stdin']) throw new CliError('usage', `Usage: ecw ${LOGIN_USAGE}`, 2);
      const password = await readStdin();
      if (!password) throw new CliError('usage', 'No password on stdin.', 2);
      const result = io.unwrap(await transport(io).invoke('sync.signIn', { server: values.server, user: values.user, password }));
      const { account } = result;
      io.print(
        result,
        `${result.mode === 'online' ? '已登录 signed in' : '离线登录 signed in offline'}: ${account.name} (${account.login}, ${account.role}) @ ${account.server}`,
      );
    },
  },
  {
    path: ['logout'],
    usage: 'logout',
    run: async (_args, io) => {
      io.unwrap(await transport(io).invoke('sync.signOut', {}));
      io.print({ signedOut: true }, '已退出 signed out (the queue is kept)');
    },
  },
  {
    path: ['sync'],
    usage: 'sync [--page-size N]',
    run: async (args, io) => {
      let pageSize: string | undefined;
      try {
        pageSize = parseArgs({ args, options: { 'page-size': { type: 'string' } }, strict: true }).values['page-size'];
      } catch {
        throw new CliError('usage', 'Usage: ecw sync [--page-size N] | ecw sync status', 2);
      }
      const limit = pageSize === undefined ? undefined : Number(pageSize);
      if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 1000))
        throw new CliError('usage', '--page-size is a whole number from 1 to 1000 (rows per pull request).', 2);
      const report = io.unwrap(await transport(io, limit).invoke('sync.now', {}));
      if (report.outcome !== 'ok')
        throw new CliError(report.error?.code ?? report.outcome, report.error?.message ?? `Sync did not complete: ${report.outcome}.`);
      const { pushed, pulled, conflicts, uploadedBytes, pending } = report;
      io.print(
        { pushed, pulled, conflicts, uploadedBytes, pending },
        `pushed ${pushed}, pulled ${pulled}, conflicts ${conflicts}, uploaded ${uploadedBytes} bytes, pending ${pending}`,
      );
    },
  },
  {
    path: ['sync', 'status'],
    usage: 'sync status',
    run: async (_args, io) => {
      const s = io.unwrap(await transport(io).invoke('sync.status', {}));
      const value = {
        state: s.state,
        signedIn: s.signedIn,
        server: s.account?.server ?? null,
        user: s.account?.login ?? null,
        pendingOps: s.pendingOps,
        pendingUploads: s.pendingUploads,
        failedUploads: s.failedUploads,
        conflicts: s.conflicts,
        lastSyncAt: s.lastSyncAt,
        lastError: s.lastError,
        attention: s.attention,
      };
      io.print(
        value,
        [
          `state: ${s.state}${s.attention.length ? ` (${s.attention.join(', ')})` : ''}`,
          `server: ${value.server ?? '-'}  user: ${value.user ?? '-'}  signed in: ${s.signedIn ? 'yes' : 'no'}`,
          `pending ops: ${s.pendingOps}  pending uploads: ${s.pendingUploads}  failed uploads: ${s.failedUploads}  conflicts: ${s.conflicts}`,
          `last sync: ${s.lastSyncAt ?? 'never'}${s.lastError ? `  last error: ${s.lastError.code} ${s.lastError.message}` : ''}`,
        ].join('\n'),
      );
    },
  },
];
