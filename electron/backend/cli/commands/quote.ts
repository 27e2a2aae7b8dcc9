import type { CliCommand } from '../registry';

export const quoteCommands: CliCommand[] = [];
