/**
 * Which operator a mainland mobile prefix was allocated to. The table is libphonenumber's carrier
 * data, `resources/carrier/zh/86.txt` of google/libphonenumber at commit 07ed746e (Apache-2.0),
 * without its leading country code; the longest matching prefix wins (8615 is China Mobile except
 * 153, 155 and 156). 192 (China Broadnet) is not in that file; it is added from STANDARDS.md §7.3.
 * Since number portability (携号转网, 2019) a prefix does not prove the current operator: it is
 * a hint, and a member who moved to China Mobile can be confirmed by hand.
 */
export const CARRIERS = ['cmcc', 'unicom', 'telecom', 'broadnet'] as const;
export type Carrier = (typeof CARRIERS)[number];

export const CARRIER_NAMES: Record<Carrier, string> = { cmcc: '中国移动', unicom: '中国联通', telecom: '中国电信', broadnet: '中国广电' };

const M = 'cmcc';
const U = 'unicom';
const T = 'telecom';

const PREFIX_CARRIER: Record<string, Carrier> = {
  130: U,
  131: U,
  132: U,
  133: T,
  1340: M,
  1341: M,
  1342: M,
  1343: M,
  1344: M,
  1345: M,
  1346: M,
  1347: M,
  1348: M,
  1349: T,
  135: M,
  136: M,
  137: M,
  138: M,
  139: M,
  1410: T,
  1440: M,
  145: U,
  146: U,
  147: M,
  148: M,
  149: T,
  15: M,
  153: T,
  155: U,
  156: U,
  162: T,
  165: M,
  166: U,
  167: U,
  1700: T,
  1701: T,
  1702: T,
  1703: M,
  1704: U,
  1705: M,
  1706: M,
  1707: U,
  1708: U,
  1709: U,
  171: U,
  172: M,
  173: T,
  174: T,
  17400: T,
  17401: T,
  17402: T,
  17403: T,
  17404: T,
  17405: T,
  175: U,
  176: U,
  177: T,
  178: M,
  180: T,
  181: T,
  182: M,
  183: M,
  184: M,
  185: U,
  186: U,
  187: M,
  188: M,
  189: T,
  190: T,
  191: T,
  192: 'broadnet',
  193: T,
  195: M,
  196: U,
  197: M,
  198: M,
  199: T,
};

/** The operator the number's prefix belongs to (11-digit national number), or undefined when the table has none. */
export function carrierOfPrefix(national: string): Carrier | undefined {
  for (let length = 5; length >= 2; length--) {
    const carrier = PREFIX_CARRIER[national.slice(0, length)];
    if (carrier) return carrier;
  }
  return undefined;
}
