/** `ecw leads list [--enterprise ID]`: visitors' messages and order requests as last synced (issue 10; fixed shape). */
import { LEADS_LIST_LIMIT } from '../../../../../shared/api/leads';
import { CliError, type CliCommand, type CliIO } from '../io';
import { parseCommandArgs } from './args';

const LIST_USAGE = 'leads list [--enterprise ID]';

async function list(args: string[], io: CliIO): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, { enterprise: { type: 'string' } }, LIST_USAGE);
  if (positionals.length > 0) throw new CliError('usage', `Usage: ecw ${LIST_USAGE}`, 2);
  const leads = io.unwrap(
    await io
      .transport()
      .invoke('leads.list', { ...(values.enterprise ? { enterpriseId: values.enterprise } : {}), limit: LEADS_LIST_LIMIT }),
  );
  const rows = leads.map((l) => ({
    id: l.id,
    enterpriseId: l.enterpriseId,
    siteId: l.siteId,
    channel: l.channel,
    name: l.name,
    contact: l.contact,
    text: l.text,
    receivedAt: l.receivedAt,
    handled: l.handled,
  }));
  const human = leads.map((l) => `${l.receivedAt}  ${l.handled ? '已处理' : '未处理'}  ${l.channel}  ${l.name} ${l.contact}: ${l.text}`);
  io.print(rows, [...human, `${leads.length} leads`].join('\n'));
}

export const leadsCommands: CliCommand[] = [{ path: ['leads', 'list'], usage: LIST_USAGE, run: list }];
