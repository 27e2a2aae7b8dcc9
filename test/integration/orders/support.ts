/** Shared set-up for the order tests: a registered operator, an enterprise, a real signature PNG. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { expect } from 'vitest';
import type { Input, ProcedureName } from '../../../shared/api';
import type { TestBackend } from '../../helpers/backend';
import { FIXTURES_DIR } from '../../helpers/paths';

export const OPERATOR = { name: '李敏', channel: 'customer_manager' as const };

export const SIGNATURE_PNG = readFileSync(path.join(FIXTURES_DIR, 'signatures', 'wang-jianguo.png'));
export const SIGNATURE_BASE64 = SIGNATURE_PNG.toString('base64');

export const quanchengTea = {
  name: '济南泉城茶业有限公司',
  creditCode: '91370100MA3C4Q7B0X',
  industrySection: 'F',
  industryDivision: '52',
  region: { province: '山东省', city: '济南市', district: '历下区' },
  address: '山东省济南市历下区泉城路188号',
  contact: { name: '王建国', mobile: '13805310001' },
  manager: '李敏',
  channel: 'customer_manager' as const,
};

export async function setUp(t: TestBackend): Promise<string> {
  await t.call('system.setOperator', OPERATOR);
  return (await t.call('enterprises.create', quanchengTea)).id;
}

/** Calls a procedure that must fail, and returns its error code. */
export async function errorCode<N extends ProcedureName>(t: TestBackend, name: N, input: Input<N>): Promise<string> {
  const result = await t.transport.invoke(name, input);
  expect(result.ok, `${name} should have failed`).toBe(false);
  return result.ok ? '' : result.error.code;
}

/** A signature pad nobody touched: one flat transparent colour. */
export async function blankPng(): Promise<Buffer> {
  return sharp({ create: { width: 400, height: 150, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .png()
    .toBuffer();
}

export async function openSigned(t: TestBackend, enterpriseId: string, planCode = 'site-standard', date = '2026-11-16') {
  const draft = await t.call('orders.create', { enterpriseId, kind: 'open', planCode, date });
  return t.call('orders.sign', { id: draft.id, signerName: '王建国', signaturePngBase64: SIGNATURE_BASE64 });
}
