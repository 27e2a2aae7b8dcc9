-- The 动力100 services a group has beyond its roster (shared/domain/groupServices.ts): its switchboard
-- (总机), its short-number SMS groups and its ring-back tone (集团彩铃), each as JSON. Kept on this
-- device: the platform learns its roster from roster orders; these settings are set up with the
-- customer and handed to the switchboard and ring-back systems by the operator's staff.
CREATE TABLE group_service (
  enterprise_id TEXT PRIMARY KEY,
  switchboard_json TEXT,
  sms_groups_json TEXT NOT NULL DEFAULT '[]',
  ring_tone_json TEXT,
  updated_at TEXT NOT NULL
) WITHOUT ROWID;
