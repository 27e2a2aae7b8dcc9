import type { CliCommand } from '../registry';

export const siteCommands: CliCommand[] = [];
