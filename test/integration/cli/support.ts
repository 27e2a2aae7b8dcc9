import { runCli } from '../../../electron/backend/entries/cli/ecw';

export interface CliRun {
  code: number;
  stdout: string;
  /** stdout parsed as JSON (for --json runs). */
  json: unknown;
}

/** Runs `ecw` in this process, as `npm run -s ecw -- …` would, capturing what it prints. */
export async function ecw(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  const code = await runCli(argv, (s) => (stdout += s));
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    json = undefined;
  }
  return { code, stdout, json };
}
