/** `ecw sms count TEXT`: the China billing count and the on-the-air segments of an SMS text. */
import { countSms } from '../../../../../shared/sites/sms/count';
import { CliError, type CliCommand } from '../io';

export const smsCommands: CliCommand[] = [
  {
    path: ['sms', 'count'],
    usage: 'sms count TEXT',
    run: (args, io) => {
      if (args.length === 0) throw new CliError('usage', 'Usage: ecw sms count TEXT', 2);
      const { chars, messages, encoding, airSegments } = countSms(args.join(' '));
      io.print(
        { chars, messages, encoding, airSegments },
        `${chars} 字符 chars: ${messages} 条计费 billed, ${airSegments} 段 air segments (${encoding})`,
      );
    },
  },
];
