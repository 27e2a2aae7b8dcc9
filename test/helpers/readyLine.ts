/** Child processes that announce themselves with one line `MARKER {json}` on stdout once they listen. */
import type { ChildProcess } from 'node:child_process';

/** The JSON after `${marker} `; rejects (with the end of stderr) if the child exits first or says nothing in 60 s. */
export function readyLine<T>(child: ChildProcess, marker: string, what: string): Promise<T> {
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-20_000)));
  return new Promise<T>((resolve, reject) => {
    let buffer = '';
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      reject(new Error(`${what} exited with ${code ?? signal}\n${stderr}`));
    const timer = setTimeout(() => reject(new Error(`${what} did not start in 60 s\n${stderr}`)), 60_000);
    child.once('exit', onExit);
    child.stdout!.on('data', (d: Buffer) => {
      buffer += d.toString();
      const line = buffer.split('\n').find((l) => l.startsWith(`${marker} `));
      if (!line) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve(JSON.parse(line.slice(marker.length + 1)) as T);
    });
  });
}
