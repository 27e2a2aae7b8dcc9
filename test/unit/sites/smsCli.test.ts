import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/backend/entries/cli/ecw';

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runCli(args, (s) => void (out += s));
  return { code, out };
}

describe('ecw sms count', () => {
  it('prints chars, China billing messages, encoding and air segments as JSON', async () => {
    const { code, out } = await cli(['sms', 'count', 'A'.repeat(161), '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ chars: 161, messages: 3, encoding: 'gsm7', airSegments: 2 });
    expect(JSON.parse((await cli(['--json', 'sms', 'count', '【示例企业】' + '中'.repeat(65)])).out)).toEqual({
      chars: 71,
      messages: 2,
      encoding: 'ucs2',
      airSegments: 2,
    });
  });

  it('is a usage error without text', async () => {
    expect((await cli(['sms', 'count', '--json'])).code).toBe(2);
  });
});
