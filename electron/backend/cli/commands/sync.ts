import type { CliCommand } from '../registry';

export const syncCommands: CliCommand[] = [];
