/** Every `ecw` command, by path. Each domain adds its commands in its own module under commands/. */
import type { CliCommand } from './io';
import { checkCommands } from './commands/check';
import { enterpriseCommands } from './commands/enterprise';
import { leadsCommands } from './commands/leads';
import { portalCommands } from './commands/portal';
import { orderCommands } from './commands/order';
import { quoteCommands } from './commands/quote';
import { siteCommands } from './commands/site';
import { smsCommands } from './commands/sms';
import { syncCommands } from './commands/sync';
import { rosterCommands } from './commands/roster';
import { licenceCommands } from './commands/licence';

export const commands: CliCommand[] = [
  ...checkCommands,
  ...quoteCommands,
  ...enterpriseCommands,
  ...orderCommands,
  ...leadsCommands,
  ...portalCommands,
  ...siteCommands,
  ...smsCommands,
  ...syncCommands,
  ...rosterCommands,
  ...licenceCommands,
];
