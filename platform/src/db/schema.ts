/** Row types of the platform database (the kysely `Database` interface), portable across SQLite and PostgreSQL. */

export interface SyncedRowTable {
  id: string;
  scope_id: string;
  version: number;
  last_seq: number;
  /** JSON {field: version at which it last changed}. */
  field_versions: string;
  deleted: number;
  /** JSON of the wire row minus id/createdAt/updatedAt. */
  data: string;
  created_at: string;
  updated_at: string;
  created_by_client: string | null;
  updated_by_client: string | null;
}

export interface EnterpriseTable extends SyncedRowTable {
  credit_code: string | null;
}
export interface ChildRowTable extends SyncedRowTable {
  enterprise_id: string;
}
export interface StatusChildRowTable extends ChildRowTable {
  status: string;
}

/** A member of an enterprise's VPMN group, as the BOSS confirmed it. */
export interface RosterMemberTable extends ChildRowTable {
  /** Null for a removed member (a tombstone gives up its mobile). */
  mobile: string | null;
  short_number: string | null;
}

export interface DB {
  sync_meta: { id: number; seq: number; min_retained_seq: number };
  staff_user: {
    id: string;
    login: string;
    name: string;
    role: string;
    province: string | null;
    city: string | null;
    password_hash: string;
    created_at: string;
  };
  refresh_token: {
    token_hash: string;
    user_id: string;
    family_id: string;
    expires_at: string;
    used_at: string | null;
    /** 1 for this token alone (a successor replaced in the grace window); a whole session ends in staff_session. */
    revoked: number;
    created_at: string;
    /** 1 at sign-in, +1 per refresh. */
    generation: number;
  };
  /** One per sign-in (the refresh-token family; the access token's `sid`). */
  staff_session: {
    id: string;
    user_id: string;
    /** The peer address that signed in (a known address for the login throttle). */
    address: string | null;
    created_at: string;
    revoked_at: string | null;
    /** The newest token generation the client has shown it received (used its access or refresh token). */
    seen_generation: number;
  };
  /** Keys `account:<login>`, `address:<peer>`, `global`. */
  login_throttle: { key: string; failures: number; window_started_at: string; last_failure_at: string };
  sync_client: { client_id: string; user_id: string; device_name: string | null; last_applied_op_seq: number; created_at: string };
  applied_op: {
    client_id: string;
    op_seq: number;
    mutation_id: string;
    fingerprint: string;
    /** 1 when the op re-sent a mutation already applied under another clientId of the same user. */
    is_replay: number;
    result_json: string;
    applied_at: string;
  };
  enterprise: EnterpriseTable;
  site: ChildRowTable;
  service_order: StatusChildRowTable;
  subscription: StatusChildRowTable;
  roster_order: StatusChildRowTable;
  roster_member: RosterMemberTable;
  /** Each enterprise's VPMN group number, given by the BOSS when it opens the first roster order. */
  vpmn_group: { enterprise_id: string; group_number: string; created_at: string };
  /** Who holds each mobile: a number joins one VPMN group at a time (the primary key decides between concurrent BOSS runs). */
  vpmn_mobile: { mobile: string; enterprise_id: string; member_id: string };
  site_publication: ChildRowTable;
  lead: ChildRowTable;
  site_visit_day: ChildRowTable;
  /** An enterprise's SMS sent in a China month (id `${enterpriseId}:${YYYY-MM}`), from sms_mt_part (sms/usage.ts). */
  sms_usage: ChildRowTable;
  /** An enterprise's SMS draw log and survey tallies (id = the enterprise's), rewritten by each draw and answer (sms/activity.ts). */
  sms_activity: ChildRowTable;
  /** The portal members following an enterprise (id = the enterprise's), rewritten by each change that touches it (portal/memberReport.ts). */
  member_report: ChildRowTable;
  /** The extension of the service code each opened enterprise's SMS site answers on. */
  sms_route: { extension: string; enterprise_id: string; opened_at: string };
  /** A number's place in an SMS site (JSON stack of node ids, the current last); gone once expired. */
  sms_session: { mobile: string; extension: string; path: string; expires_at: string };
  /** MOs answered per number in the current window, and how many were not (flood). */
  sms_mo_limit: { mobile: string; count: number; throttled: number; window_started_at: string };
  /** Every lottery draw and the seed that decided it (lottery.ts: anyone can recompute the roll). */
  sms_draw: {
    id: string;
    enterprise_id: string;
    site_id: string;
    revision: number;
    mobile: string;
    seed: string;
    roll: number;
    prize: string | null;
    at: string;
  };
  /** One survey answer per number and site (the question as it was asked). */
  sms_survey_answer: { site_id: string; mobile: string; enterprise_id: string; question: string; option_no: number; at: string };
  /** Care messages already stored for sending (a day's run repeated, or a second process, sends nothing twice). */
  sms_care_sent: { site_id: string; care_id: string; day: string; mobile: string };
  /** Numbers that texted an enterprise's SMS site: its care messages go to them. */
  sms_subscriber: { enterprise_id: string; mobile: string; first_at: string };
  /** Numbers that replied TD/T: no more marketing from that enterprise. */
  sms_optout: { enterprise_id: string; mobile: string; at: string };
  /** Every revision accepted by `site.publish.v1`, as sent (`built` = its files are in site_file). */
  site_revision: {
    site_id: string;
    revision: number;
    enterprise_id: string;
    content: string;
    images: string;
    signoff: string | null;
    /** Why it was published without a sign-off (`signoff` null; the policy's role only). */
    unsigned_reason: string | null;
    submitted_by: string;
    submitted_at: string;
    built: number;
  };
  /** A built revision's compiled pages, as the shared compiler wrote them. */
  site_file: { site_id: string; revision: number; path: string; mime: string; body: string; etag: string };
  /** A built revision's image paths (channel/assets/…) → the blob served there. */
  site_asset: { site_id: string; revision: number; path: string; sha256: string };
  /** A derived picture size of an uploaded original (shared/sites/assets.ts variants); `sha256` is the blob holding its bytes. */
  image_rendition: { source_sha256: string; variant: string; sha256: string; mime: string; width: number; height: number; bytes: number };
  /** What the public listener answers for a host: the live revision (null = nothing live), offline after `offline_at`. */
  site_host: { host: string; site_id: string; enterprise_id: string; revision: number | null; offline_at: string | null };
  /** One row (id 1): bumped by every change of site_host, read by the public listeners' host caches. */
  publication_generation: { id: number; generation: number };
  /** Today's unique visitors: a salted hash of (site, channel, address, user agent); earlier days are deleted. */
  visit_seen: { day: string; hash: string };
  visit_salt: { day: string; salt: string };
  /** Form posts per address and per site in the current window, shared by every platform process. */
  post_limit: { key: string; count: number; window_started_at: string };
  scope_exit: { seq: number; scope_id: string; tbl: string; row_id: string };
  /** `mime` is sniffed from the bytes (assets/imageType.ts); rows from older platforms may hold a client's claim. */
  blob: { sha256: string; size: number; mime: string; stored_at: string };
  /** Users who uploaded a blob's bytes (they may read it back). */
  blob_owner: { sha256: string; user_id: string };
  /** The images each site shows (its `images`): a user who sees the site may read them. */
  site_image: { site_id: string; sha256: string };
  upload: {
    upload_id: string;
    sha256: string;
    size: number;
    mime: string;
    received: number;
    client_id: string;
    user_id: string;
    created_at: string;
    expires_at: string;
  };
  catalog_version: { version: number; published_at: string; published_by: string; data: string };
  sms_outbox: {
    id: string;
    mobile: string;
    text: string;
    enterprise_id: string;
    order_id: string;
    kind: string;
    status: string;
    created_at: string;
  };
  boss_counter: { name: string; value: number };
  domain_label: { label: string; enterprise_id: string; order_id: string };
  sms_counter: { name: string; value: number | string };
  sms_mt: SmsMtTable;
  sms_mt_part: SmsMtPartTable;
  sms_mo: SmsMoTable;
  /** A live site as the portals list it (search/indexer.ts); `visits`: page views of the last 30 days. */
  /** A portal member: a number confirmed by an SMS code (portal/members.ts); `digest_after` is where its next digest starts. */
  portal_member: {
    mobile: string;
    province: string;
    city: string;
    joined_at: string;
    active_at: string;
    digest_after: string;
    opted_out_at: string | null;
  };
  /** Subscription commands (DY/QX) a number texted to the service code on a China day: a flood is throttled (portal/smsSubscribe.ts). */
  portal_sms_command_day: { mobile: string; day: string; commands: number };
  /** A code sent to join (or change what a member follows); `choice` is what the member asked for, as JSON. */
  portal_member_code: {
    id: string;
    mobile: string;
    address: string;
    code_hash: string;
    choice: string;
    created_at: string;
    expires_at: string;
    attempts: number;
    used_at: string | null;
  };
  /** What a member follows: an industry section, an enterprise, or a keyword. */
  portal_subscription: { mobile: string; kind: string; value: string };
  /** One digest per member and China day (a repeated run sends nothing twice). */
  portal_digest: { mobile: string; day: string; posts: number; sent_at: string };
  portal_promotion: { order_id: string; enterprise_id: string; start_date: string; end_date: string };
  portal_site: {
    site_id: string;
    enterprise_id: string;
    name: string;
    short_name: string;
    slogan: string;
    industry_section: string;
    industry_division: string | null;
    province: string;
    city: string;
    district: string;
    host: string;
    web_url: string;
    wap_url: string;
    published_at: string;
    offline_at: string | null;
    visits: number;
  };
  /** A live site's products, supply/demand posts and news, for the portals' listings. kind: product | post | news. */
  portal_item: {
    site_id: string;
    item_id: string;
    kind: string;
    post_kind: string | null;
    title: string;
    model: string | null;
    /** Title and model as search compares them (terms.ts normalizeText). */
    search_text: string;
    date: string | null;
    url: string;
    wap_url: string;
    published_at: string;
  };
  /** One search term (search/terms.ts) of a live site; rank = best field's weight × 1000 + popularity bucket (search/rank.ts). */
  search_term: { term: string; site_id: string; rank: number };
}

/** One MT message as asked for (src/sms/store.ts). */
export interface SmsMtTable {
  id: string;
  mobile: string;
  /** Digits appended to the service code in Src_Id ('' = the bare code). */
  extension: string;
  /** 'text' | 'wap_push' */
  kind: string;
  /** The text, or the SI as JSON. */
  body: string;
  enterprise_id: string | null;
  parts: number;
  created_at: string;
  /** 'reply' | 'marketing' | 'welcome' (free, not counted) | 'admin' */
  purpose: string;
}

/** One SUBMIT: a part of an MT with the Sequence_Id it is (re)sent under. */
export interface SmsMtPartTable {
  mt_id: string;
  part_no: number;
  /** Ever increasing (bigint: PostgreSQL returns it as a string); the wire Sequence_Id is derived from it. */
  seq_no: number | string;
  tp_udhi: number;
  msg_fmt: number;
  /** Msg_Content, hex. */
  content: string;
  /** queued | accepted | failed | delivered | undelivered */
  state: string;
  /** The SUBMIT_RESP result that settled it. */
  result: number | null;
  /** The ISMG's Msg_Id, decimal. */
  msg_id: string | null;
  /** 1 when the ISMG answered "repeated sequence": an earlier send of this part had been accepted. */
  duplicate: number;
  report_stat: string | null;
  answered_at: string | null;
  reported_at: string | null;
}

/** One DELIVER carrying an MO (a long MO is several rows with the same concat key). */
export interface SmsMoTable {
  id: string;
  ismg_msg_id: string;
  mobile: string;
  /** The number the user texted: service code + extension. */
  dest_id: string;
  service_id: string;
  msg_fmt: number;
  content: string;
  text: string | null;
  concat_ref: number | null;
  concat_total: number | null;
  concat_index: number | null;
  received_at: string;
  handled_at: string | null;
}
