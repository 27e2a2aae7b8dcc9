/** Argument helpers the commands share: strict flag parsing as a usage error, and reading a signature PNG. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CliError } from '../io';

type StringFlags = Record<string, { type: 'string' }>;

/** Parses `args` strictly; an unknown flag or a missing value is a usage error (exit code 2). */
export function parseCommandArgs<T extends StringFlags>(args: string[], options: T, usage: string) {
  try {
    const { values, positionals } = parseArgs({ args, options, strict: true, allowPositionals: true });
    return { values: values as { [K in keyof T]?: string }, positionals };
  } catch (error) {
    throw new CliError('usage', `${(error as Error).message}\nUsage: ecw ${usage}`, 2);
  }
}

/** The one positional id a command takes (`ecw order sign ORDER_ID …`), or a usage error. */
export function singleId(positionals: string[], usage: string): string {
  const [id] = positionals;
  if (!id || positionals.length > 1) throw new CliError('usage', `Usage: ecw ${usage}`, 2);
  return id;
}

/** A handwritten signature as the sign procedures take it (the backend checks it is a real PNG). */
export function readSignaturePng(file: string): string {
  try {
    return readFileSync(file).toString('base64');
  } catch (error) {
    throw new CliError('file.unreadable', `Cannot read ${file}: ${(error as Error).message}`);
  }
}
