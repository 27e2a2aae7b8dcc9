/**
 * Realistic enterprises for benchmarks and tests: valid credit codes (GB 32100 check character over a
 * GB 11714 organisation code, the district's own region code), Chinese company names, real
 * province/city/district paths and mainland mobiles. Deterministic for a given seed.
 *
 * `seedEnterprises` writes them through the real service (`createEnterprise`: row + outbox op + audit
 * entry), batched into large transactions, so the rows are exactly what the app itself writes.
 */
import { randomFillSync } from 'node:crypto';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { creditCodeCheckChar } from '../../shared/domain/creditCode';
import { enterpriseInputSchema, SALES_CHANNELS, type EnterpriseInput } from '../../shared/domain/enterprise';
import { INDUSTRY_SECTIONS } from '../../shared/domain/industry';
import { REGIONS } from '../../shared/domain/regions';
import { DATABASE_FILE } from '../../electron/backend/app/backend';
import type { WriteContext } from '../../electron/backend/app/context';
import { asReadable, asWritable } from '../../electron/backend/infra/db/handles';
import { createWriteQueue } from '../../electron/backend/infra/db/writeQueue';
import { closeDatabase, openDatabase } from '../../electron/backend/infra/db/database';
import { createEnterprise } from '../../electron/backend/domains/enterprises/service';

/** A small, fast, seedable PRNG (mulberry32). */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const DISTRICTS = REGIONS.flatMap((p) =>
  (p.children ?? []).flatMap((c) => (c.children ?? []).map((d) => ({ province: p.name, city: c.name, district: d.name, code: d.code }))),
);

const BRANDS = [
  '泉城',
  '华信',
  '恒通',
  '鑫源',
  '瑞丰',
  '金鼎',
  '宏达',
  '博远',
  '天成',
  '润泽',
  '启航',
  '盛世',
  '新锐',
  '永安',
  '安泰',
  '中科',
  '远洋',
  '卓越',
  '海纳',
  '汇智',
  '嘉禾',
  '明德',
  '信达',
  '长青',
  '东方',
  '银河',
  '星火',
  '创维',
  '智联',
  '青松',
  '龙腾',
  '凯旋',
  '齐鲁',
  '鸿运',
  '和谐',
  '万邦',
  '宝丰',
  '晨光',
  '云帆',
  '同心',
  '聚源',
  '方圆',
  '佳美',
  '正泰',
  '华夏',
];
const TRADES = [
  '科技',
  '茶业',
  '贸易',
  '建设',
  '物流',
  '餐饮',
  '医药',
  '教育咨询',
  '文化传媒',
  '电子',
  '机械',
  '食品',
  '农业开发',
  '纺织',
  '网络技术',
  '信息技术',
  '商贸',
  '装饰工程',
  '汽车服务',
  '环保科技',
  '新能源',
  '酒店管理',
  '广告',
  '印务',
  '家具',
  '生物科技',
];
const FORMS = ['有限公司', '有限责任公司', '股份有限公司', '集团有限公司'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
const GIVEN = [
  '建国',
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '海燕',
];
const ROADS = ['人民路', '解放路', '中山路', '建设路', '泉城路', '和平路', '新华路', '文化路', '长江路', '黄河路', '经十路', '朝阳路'];
const MOBILE_PREFIXES = [
  '138',
  '139',
  '135',
  '136',
  '137',
  '150',
  '151',
  '152',
  '158',
  '159',
  '182',
  '187',
  '188',
  '198',
  '130',
  '131',
  '186',
  '133',
  '153',
  '189',
  '199',
  '177',
];
const ORG_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 11714 organisation code: 8 characters and a check character (weights 3,7,9,10,5,8,4,2). */
function organisationCode(index: number): string {
  let body = '';
  for (let n = index, i = 0; i < 6; i++, n = Math.floor(n / 31)) body = ORG_ALPHABET[n % 31] + body;
  body = `MA${body}`;
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const value = (c: string) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55); // A = 10 … Z = 35
  const sum = [...body].reduce((s, c, i) => s + value(c) * weights[i]!, 0);
  const check = 11 - (sum % 11);
  return body + (check === 10 ? 'X' : check === 11 ? '0' : String(check));
}

/** A valid 18-character credit code; distinct indexes give distinct codes. */
export function creditCodeFor(index: number, regionCode: string): string {
  const first17 = `91${regionCode}${organisationCode(index)}`;
  return first17 + creditCodeCheckChar(first17);
}

export function mobileFor(random: () => number): string {
  return pick(random, MOBILE_PREFIXES) + String(Math.floor(random() * 1e8)).padStart(8, '0');
}

/** The `index`-th enterprise of a seeded stream, as the form would submit it. */
export function enterpriseInput(index: number, seed = 1): EnterpriseInput {
  const random = randomSource(seed * 1_000_003 + index);
  const place = pick(random, DISTRICTS);
  // Municipalities list their districts under 市辖区/县; some provinces' county-level cities under 省直辖县级行政区划.
  const cityInName = place.city === '市辖区' || place.city === '县' ? '' : place.city.includes('直辖') ? '' : place.city;
  const town = (cityInName || (place.city.includes('直辖') ? place.district : place.province)).replace(
    /(市|省|县|区|自治区|壮族|回族|维吾尔)+$/u,
    '',
  );
  const section = pick(random, INDUSTRY_SECTIONS);
  const person = () => pick(random, SURNAMES) + pick(random, GIVEN);
  return {
    name: `${town}${pick(random, BRANDS)}${pick(random, TRADES)}${pick(random, FORMS)}`,
    creditCode: creditCodeFor(index, place.code.slice(0, 6)), // towns have 9-digit codes; the credit code holds 6
    industrySection: section.code,
    industryDivision: pick(random, section.divisions).code,
    region: { province: place.province, city: place.city, district: place.district },
    address: `${place.province}${cityInName}${place.district}${pick(random, ROADS)}${1 + Math.floor(random() * 300)}号`,
    contact: { name: person(), mobile: mobileFor(random) },
    manager: person(),
    channel: pick(random, SALES_CHANNELS),
  };
}

export function enterpriseInputs(count: number, seed = 1, from = 0): EnterpriseInput[] {
  return Array.from({ length: count }, (_, i) => enterpriseInput(from + i, seed));
}

/** UUIDv7 ids with their random bits drawn from a pool (one getrandom call per 4,096 ids, not one per id). */
function pooledIds(): () => string {
  const pool = new Uint8Array(16 * 4096);
  let used = pool.length;
  return () => {
    if (used === pool.length) {
      randomFillSync(pool);
      used = 0;
    }
    used += 16;
    return uuidv7({ random: pool.subarray(used - 16, used) });
  };
}

export interface SeedOptions {
  seed?: number;
  /** Index of the first enterprise (to add more to a seeded database without clashing codes). */
  from?: number;
  /** Created-at of the first enterprise; each next one is `stepMs` later. */
  start?: Date;
  stepMs?: number;
  batchSize?: number;
}

/** Writes `count` enterprises through the real service code, in large transactions. Returns their ids. */
export function seedEnterprises(db: Database.Database, count: number, options: SeedOptions = {}): string[] {
  let clock = (options.start ?? new Date('2024-01-01T00:00:00Z')).getTime();
  const step = options.stepMs ?? 60_000;
  // A generator writing a database no backend has open: it is the only writer, so it writes directly.
  const readable = asReadable(db);
  const ctx: WriteContext = {
    db: asWritable(readable),
    dataDir: '',
    writes: createWriteQueue(() => readable),
    now: () => new Date(clock),
    newId: pooledIds(),
    emit: () => undefined,
    actor: () => '数据生成器',
  };
  const batchSize = options.batchSize ?? 5_000;
  const ids: string[] = [];
  const previous = db.pragma('synchronous', { simple: true });
  db.pragma('synchronous = OFF'); // one fsync per batch would not change the rows, only the time
  const cacheSize = db.pragma('cache_size', { simple: true });
  db.pragma('cache_size = -262144'); // 256 MiB while loading
  try {
    for (let done = 0; done < count; done += batchSize) {
      const size = Math.min(batchSize, count - done);
      db.transaction(() => {
        for (const input of enterpriseInputs(size, options.seed ?? 1, (options.from ?? 0) + done)) {
          ids.push(createEnterprise(ctx, enterpriseInputSchema.parse(input)).id);
          clock += step;
        }
      })();
    }
  } finally {
    db.pragma(`synchronous = ${previous}`);
    db.pragma(`cache_size = ${cacheSize}`);
  }
  return ids;
}

/** A data directory whose database holds `count` generated enterprises (migrated, closed). */
export function seedDataDir(dataDir: string, count: number, options: SeedOptions = {}): void {
  const db = openDatabase(path.join(dataDir, DATABASE_FILE));
  try {
    seedEnterprises(db, count, options);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    closeDatabase(db);
  }
}
