/**
 * `ecw` — the command line for scripts and agents: `npm run -s ecw -- [--data-dir DIR] [--json] COMMAND …`.
 * JSON on stdout with --json; exit code 0 on success, 1 when the command failed, 2 on a usage error.
 */
import { CliError, createCliIO, type CliCommand } from './io';
import { commands } from './registry';

function splitGlobalFlags(argv: string[]): { json: boolean; dataDir?: string; rest: string[] } {
  let json = false;
  let dataDir: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--data-dir') dataDir = argv[++i];
    else if (arg.startsWith('--data-dir=')) dataDir = arg.slice('--data-dir='.length);
    else rest.push(arg);
  }
  return { json, ...(dataDir ? { dataDir } : {}), rest };
}

function findCommand(words: string[]): { command: CliCommand; args: string[] } | undefined {
  const matches = commands.filter((c) => c.path.every((w, i) => words[i] === w)).sort((a, b) => b.path.length - a.path.length);
  const command = matches[0];
  return command ? { command, args: words.slice(command.path.length) } : undefined;
}

const usage = () => `Usage: ecw [--data-dir DIR] [--json] COMMAND\n\nCommands:\n${commands.map((c) => `  ecw ${c.usage}`).join('\n')}\n`;

export async function runCli(argv: string[], write?: (s: string) => void): Promise<number> {
  const { json, dataDir, rest } = splitGlobalFlags(argv);
  const io = createCliIO({ json, ...(dataDir ? { dataDir } : {}) }, write);
  const found = findCommand(rest);
  try {
    if (!found || rest.includes('--help')) {
      process.stderr.write(usage());
      return found || rest.length === 0 || rest.includes('--help') ? 0 : 2;
    }
    await found.command.run(found.args, io);
    return 0;
  } catch (error) {
    const cliError = error instanceof CliError ? error : new CliError('internal', (error as Error).stack ?? String(error));
    if (json)
      (write ?? ((s: string) => process.stdout.write(s)))(
        `${JSON.stringify({ error: { code: cliError.code, message: cliError.message } })}\n`,
      );
    process.stderr.write(`ecw: ${cliError.message}\n`);
    return cliError.exitCode;
  } finally {
    io.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('ecw.ts')) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
