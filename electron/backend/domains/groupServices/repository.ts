/** SQL for a group's 动力100 services: the only place that knows `group_service`. */
import {
  ringToneSchema,
  smsGroupsSchema,
  switchboardSchema,
  type RingTone,
  type SmsGroup,
  type Switchboard,
} from '../../../../shared/domain/groupServices';
import type { ReadableDB, WritableDB } from '../../infra/db/handles';
import { perDatabase } from '../../infra/db/perDatabase';

export interface GroupServices {
  switchboard: Switchboard | null;
  smsGroups: SmsGroup[];
  ringTone: RingTone | null;
}

interface GroupServiceRecord {
  enterprise_id: string;
  switchboard_json: string | null;
  sms_groups_json: string;
  ring_tone_json: string | null;
  updated_at: string;
}

const reads = perDatabase((db: ReadableDB) => ({
  byEnterprise: db.prepare<[string], GroupServiceRecord>('SELECT * FROM group_service WHERE enterprise_id = ?'),
}));

const writes = perDatabase((db: WritableDB) => ({
  save: db.prepare<[GroupServiceRecord]>(
    `INSERT INTO group_service (enterprise_id, switchboard_json, sms_groups_json, ring_tone_json, updated_at)
     VALUES (@enterprise_id, @switchboard_json, @sms_groups_json, @ring_tone_json, @updated_at)
     ON CONFLICT (enterprise_id) DO UPDATE SET switchboard_json = excluded.switchboard_json, sms_groups_json = excluded.sms_groups_json,
       ring_tone_json = excluded.ring_tone_json, updated_at = excluded.updated_at`,
  ),
}));

export function groupServicesOf(db: ReadableDB, enterpriseId: string): GroupServices {
  const row = reads(db).byEnterprise.get(enterpriseId);
  if (!row) return { switchboard: null, smsGroups: [], ringTone: null };
  return {
    switchboard: row.switchboard_json ? switchboardSchema.parse(JSON.parse(row.switchboard_json)) : null,
    smsGroups: smsGroupsSchema.parse(JSON.parse(row.sms_groups_json)),
    ringTone: row.ring_tone_json ? ringToneSchema.parse(JSON.parse(row.ring_tone_json)) : null,
  };
}

export function saveGroupServices(db: WritableDB, enterpriseId: string, services: GroupServices, updatedAt: string): void {
  writes(db).save.run({
    enterprise_id: enterpriseId,
    switchboard_json: services.switchboard ? JSON.stringify(services.switchboard) : null,
    sms_groups_json: JSON.stringify(services.smsGroups),
    ring_tone_json: services.ringTone ? JSON.stringify(services.ringTone) : null,
    updated_at: updatedAt,
  });
}
