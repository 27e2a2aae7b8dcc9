import type { CliCommand } from '../registry';

export const smsCommands: CliCommand[] = [];
