/** 关怀名单 (issue 11 item 4): pasted or imported numbers cleaned and checked as a roster's mobiles are, each kept once. */
import { describe, expect, it } from 'vitest';
import { CARE_LIST_MAX, readCareList } from '../../../shared/domain/careList';
import { smsSettingsSchema } from '../../../shared/sites/model';
import { exampleSite } from '../../../shared/sites';

describe('readCareList', () => {
  it('keeps the mainland mobiles of pasted text once, cleaned (+86, full-width digits, dashes, a name beside), and says which lines were refused', () => {
    const pasted = [
      '手机号,姓名',
      '13800138000',
      '张三 138-0013-8001',
      '１３８００１３８０００',
      '+86 139 0000 0001；12345',
      '1.38001E+10',
      '',
      '王五，13800138002',
    ].join('\n');
    const reading = readCareList(pasted, ['13900000001']);
    expect(reading.added).toEqual(['13800138000', '13800138001', '13800138002']);
    expect(reading.duplicates).toBe(2); // the full-width repeat, and the number already listed
    expect(reading.rejected).toEqual([
      { line: 5, text: '12345', problem: 'invalid' },
      { line: 6, text: '1.38001E+10', problem: 'scientific' },
    ]);
    expect(reading.overLimit).toBe(0);
  });

  it('stops at the list’s limit and counts what was left out', () => {
    const existing = Array.from({ length: CARE_LIST_MAX - 1 }, (_, i) => `1380000${String(i).padStart(4, '0')}`);
    const reading = readCareList('13900000001\n13900000002\n13900000003', existing);
    expect(reading.added).toEqual(['13900000001']);
    expect(reading.overLimit).toBe(2);
  });

  it('the site content takes a list of distinct 11-digit numbers only', () => {
    const sms = exampleSite().sms;
    expect(smsSettingsSchema.safeParse({ ...sms, careList: ['13800138000'] }).success).toBe(true);
    expect(smsSettingsSchema.safeParse({ ...sms, careList: ['138 0013 8000'] }).success).toBe(false);
    expect(smsSettingsSchema.safeParse({ ...sms, careList: ['13800138000', '13800138000'] }).success).toBe(false);
    expect(
      smsSettingsSchema.safeParse({ ...sms, careList: Array.from({ length: CARE_LIST_MAX + 1 }, (_, i) => `1${String(3800000000 + i)}`) })
        .success,
    ).toBe(false);
  });
});
