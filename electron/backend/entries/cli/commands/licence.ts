/**
 * `ecw licence read IMAGE`: the fields of a 营业执照 photo or scan, read offline by OCR. The JSON
 * shape is fixed (issue 12); a credit code that fails its check character is printed with
 * `creditCodeValid: false` and named in `uncertain`, never as valid.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CliError, type CliCommand, type CliIO } from '../io';

const USAGE = 'licence read IMAGE';

const LABELS: Record<string, string> = {
  name: '名称',
  creditCode: '统一社会信用代码',
  type: '类型',
  legalRepresentative: '法定代表人',
  registeredCapital: '注册资本',
  establishedOn: '成立日期',
  address: '住所',
};

async function readLicence(args: string[], io: CliIO): Promise<void> {
  let positionals: string[];
  try {
    positionals = parseArgs({ args, options: {}, strict: true, allowPositionals: true }).positionals;
  } catch (error) {
    throw new CliError('usage', `${(error as Error).message}\nUsage: ecw ${USAGE}`, 2);
  }
  if (positionals.length !== 1) throw new CliError('usage', `Usage: ecw ${USAGE}`, 2);
  const r = io.unwrap(await io.transport().invoke('licence.read', { source: { kind: 'path', path: path.resolve(positionals[0]!) } }));
  const output = {
    name: r.name,
    creditCode: r.creditCode,
    creditCodeValid: r.creditCodeValid,
    type: r.type,
    legalRepresentative: r.legalRepresentative,
    registeredCapital: r.registeredCapital,
    establishedOn: r.establishedOn,
    address: r.address,
    uncertain: r.uncertain,
  };
  const human = [
    ...Object.entries(LABELS).map(
      ([key, label]) =>
        `${label}：${(output as Record<string, unknown>)[key] ?? '（未识别）'}${r.uncertain.includes(key as never) ? '  ？请核对' : ''}`,
    ),
    ...(r.creditCode && !r.creditCodeValid
      ? [`信用代码校验位不符${r.creditCodeCorrections.length ? `；可能是：${r.creditCodeCorrections.join('、')}` : ''}`]
      : []),
  ].join('\n');
  io.print(output, human);
}

export const licenceCommands: CliCommand[] = [{ path: ['licence', 'read'], usage: USAGE, run: readLicence }];
