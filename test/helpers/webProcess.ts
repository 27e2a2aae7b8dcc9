/** Browser mode as a real child process (as `npm run web` starts it), for end-to-end and crash tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { REPO_ROOT } from './paths';
import { bundledEntryArgs } from './processBundle';

export interface WebProcess {
  child: ChildProcess;
  url: string;
  token: string;
  openUrl: string;
  /** Calls a procedure over HTTP, as the UI does. */
  call(name: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function startWebProcess(dataDir: string, extraArgs: string[] = []): Promise<WebProcess> {
  // One process (the run's bundle, or node with tsx's loader), not the tsx CLI: the CLI forks the real server as a
  // child, so a SIGKILL aimed at it would leave the server running with the database open.
  const child = spawn(
    process.execPath,
    [...bundledEntryArgs('browserMode'), '--data-dir', dataDir, '--no-open', '--check-outputs', ...extraArgs],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CI: process.env.CI ?? '' },
    },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not start in 60 s\n${stderr}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}\n${stderr}`)));
    child.stdout!.on('data', (d: Buffer) => {
      buffer += d.toString();
      const line = buffer.split('\n').find((l) => l.startsWith('ECW_READY '));
      if (!line) return;
      clearTimeout(timer);
      const info = JSON.parse(line.slice('ECW_READY '.length)) as { url: string; token: string; openUrl: string };
      resolve({
        child,
        ...info,
        call: async (name, input) => {
          const response = await fetch(`${info.url}/api/${name}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${info.token}` },
            body: JSON.stringify(input),
          });
          return (await response.json()) as never;
        },
        stop: (signal = 'SIGTERM') =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode) return done();
            child.once('exit', () => done());
            child.kill(signal);
          }),
      });
    });
  });
}
