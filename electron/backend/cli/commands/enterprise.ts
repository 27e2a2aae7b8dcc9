import type { CliCommand } from '../registry';

export const enterpriseCommands: CliCommand[] = [];
