/** Every `ecw` command, by path. Each domain adds its commands in its own module under commands/. */
import type { CliIO } from './io';
import { checkCommands } from './commands/check';
import { enterpriseCommands } from './commands/enterprise';
import { quoteCommands } from './commands/quote';
import { siteCommands } from './commands/site';
import { smsCommands } from './commands/sms';
import { syncCommands } from './commands/sync';

export interface CliCommand {
  /** The words that select it: ['enterprise', 'create']. */
  path: string[];
  usage: string;
  /** Receives the words after the path (flags included) and prints through `io`. */
  run(args: string[], io: CliIO): void | Promise<void>;
}

export const commands: CliCommand[] = [...checkCommands, ...quoteCommands, ...enterpriseCommands, ...siteCommands, ...smsCommands, ...syncCommands];
