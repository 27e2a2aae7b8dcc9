/**
 * `ecw roster import FILE --enterprise ID [--first-digit D]` and `ecw roster list --enterprise ID`:
 * a group's VPMN roster for scripts. Output shapes are fixed (issue 12); scripts rely on them. The
 * import adds and changes members (it removes none: the app's preview does full-roster imports).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CliError, type CliCommand, type CliIO } from '../io';

const IMPORT_USAGE = 'roster import FILE --enterprise ID [--first-digit D]';
const LIST_USAGE = 'roster list --enterprise ID';

function parse(args: string[], options: Record<string, { type: 'string' }>, usage: string) {
  try {
    const { values, positionals } = parseArgs({ args, options, strict: true, allowPositionals: true });
    return { values: values as Record<string, string | undefined>, positionals };
  } catch (error) {
    throw new CliError('usage', `${(error as Error).message}\nUsage: ecw ${usage}`, 2);
  }
}

async function importRoster(args: string[], io: CliIO): Promise<void> {
  const { values, positionals } = parse(args, { enterprise: { type: 'string' }, 'first-digit': { type: 'string' } }, IMPORT_USAGE);
  const [file] = positionals;
  if (!file || !values.enterprise || positionals.length > 1) throw new CliError('usage', `Usage: ecw ${IMPORT_USAGE}`, 2);
  const firstDigit = values['first-digit'];
  if (firstDigit !== undefined && !/^[2-9]$/.test(firstDigit))
    throw new CliError('usage', `--first-digit is one digit from 2 to 9.\nUsage: ecw ${IMPORT_USAGE}`, 2);
  const result = io.unwrap(
    await io.transport().invoke('roster.import', {
      enterpriseId: values.enterprise,
      source: { kind: 'path', path: path.resolve(file) },
      ...(firstDigit ? { firstDigit } : {}),
    }),
  );
  const output = {
    added: result.added,
    changed: result.changed,
    refused: result.refused.map((r) => ({ row: r.row, code: r.code, message: r.message })),
    members: result.members,
  };
  const human = [
    `${output.added} added, ${output.changed} changed, ${output.refused.length} refused; the group has ${output.members} members`,
    ...output.refused.map((r) => `  row ${r.row}: ${r.code} — ${r.message}`),
  ].join('\n');
  io.print(output, human);
}

async function listRoster(args: string[], io: CliIO): Promise<void> {
  const { values, positionals } = parse(args, { enterprise: { type: 'string' } }, LIST_USAGE);
  if (!values.enterprise || positionals.length) throw new CliError('usage', `Usage: ecw ${LIST_USAGE}`, 2);
  const view = io.unwrap(await io.transport().invoke('roster.list', { enterpriseId: values.enterprise }));
  const rows = view.members
    .filter((m) => m.state !== 'removing')
    .map((m) => ({
      name: m.name,
      mobile: m.mobile,
      shortNumber: m.shortNumber,
      department: m.department,
      title: m.title,
      extension: m.extension,
      chinaMobile: m.chinaMobile,
    }));
  const human = rows
    .map(
      (m) =>
        `${m.shortNumber ?? '——'}  ${m.name}  ${m.mobile}  ${[m.department, m.title].filter(Boolean).join(' ')}${m.extension ? `  分机 ${m.extension}` : ''}`,
    )
    .join('\n');
  io.print(rows, human || '(no members)');
}

export const rosterCommands: CliCommand[] = [
  { path: ['roster', 'import'], usage: IMPORT_USAGE, run: importRoster },
  { path: ['roster', 'list'], usage: LIST_USAGE, run: listRoster },
];
