/** `ecw check credit-code|mobile|domain VALUE`: the same validators the forms use. */
import { checkCreditCode } from '../../../../../shared/domain/creditCode';
import { checkDomain } from '../../../../../shared/domain/domainName';
import { checkMobile } from '../../../../../shared/domain/mobile';
import { CliError, type CliCommand, type CliIO } from '../io';

const verdict = (valid: boolean) => (valid ? '有效 valid' : '无效 invalid');

export const checkCommands: CliCommand[] = [
  {
    path: ['check', 'credit-code'],
    usage: 'check credit-code CODE',
    run: ([code], io: CliIO) => {
      if (code === undefined) throw new CliError('usage', 'Usage: ecw check credit-code CODE', 2);
      const result = checkCreditCode(code);
      const { valid, normalized, error } = result;
      io.print(
        error ? { valid, normalized, error: { code: error.code, message: error.message } } : { valid, normalized },
        `${normalized}: ${verdict(valid)}${error ? ` — ${error.message}` : ''}`,
      );
    },
  },
  {
    path: ['check', 'mobile'],
    usage: 'check mobile NUMBER',
    run: (args, io) => {
      if (args.length === 0) throw new CliError('usage', 'Usage: ecw check mobile NUMBER', 2);
      const result = checkMobile(args.join(' '));
      io.print(
        result,
        `${result.normalized}: ${verdict(result.valid)}${result.chinaMobilePrefix ? ' (中国移动号段 China Mobile prefix)' : ''}`,
      );
    },
  },
  {
    path: ['check', 'domain'],
    usage: 'check domain NAME',
    run: ([name], io) => {
      if (name === undefined) throw new CliError('usage', 'Usage: ecw check domain NAME', 2);
      const { valid, ascii, unicode, error } = checkDomain(name);
      io.print(
        error ? { valid, ascii, unicode, error } : { valid, ascii, unicode },
        `${unicode} (${ascii || '-'}): ${verdict(valid)}${error ? ` — ${error.message}` : ''}`,
      );
    },
  },
];
