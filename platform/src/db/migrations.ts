/** Schema migrations, written once for both dialects with kysely's schema builder. Append only. */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { pullIndexes, syncedColumns, type AnyDb } from './tableBuilders';
import { vpmn } from './vpmnMigration';

const initial: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('sync_meta')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('min_retained_seq', 'integer', (c) => c.notNull())
      .execute();
    await sql`INSERT INTO sync_meta (id, seq, min_retained_seq) VALUES (1, 0, 0)`.execute(db);

    await db.schema
      .createTable('staff_user')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('login', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('province', 'text')
      .addColumn('city', 'text')
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('refresh_token')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('family_id', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addColumn('revoked', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('refresh_token_family').on('refresh_token').column('family_id').execute();

    await db.schema
      .createTable('sync_client')
      .addColumn('client_id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('device_name', 'text')
      .addColumn('last_applied_op_seq', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('applied_op')
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('op_seq', 'integer', (c) => c.notNull())
      .addColumn('mutation_id', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('is_replay', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('result_json', 'text', (c) => c.notNull())
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('applied_op_pk', ['client_id', 'op_seq'])
      .execute();
    // Each mutation takes effect once; a re-registered device's replays are recorded beside it.
    await db.schema
      .createIndex('applied_op_mutation')
      .on('applied_op')
      .column('mutation_id')
      .unique()
      .where(sql.ref('is_replay'), '=', 0)
      .execute();

    await syncedColumns(db.schema.createTable('enterprise'))
      .addColumn('credit_code', 'text', (c) => c.unique())
      .execute();
    await pullIndexes(db, 'enterprise');
    await syncedColumns(db.schema.createTable('site'))
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .execute();
    await pullIndexes(db, 'site');
    for (const tbl of ['service_order', 'subscription']) {
      await syncedColumns(db.schema.createTable(tbl))
        .addColumn('enterprise_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .execute();
      await pullIndexes(db, tbl);
      await db.schema.createIndex(`${tbl}_enterprise`).on(tbl).columns(['enterprise_id', 'status']).execute();
    }
    await db.schema.createIndex('site_enterprise').on('site').column('enterprise_id').execute();
    await db.schema.createIndex('service_order_status').on('service_order').columns(['status', 'created_at']).execute();

    await db.schema
      .createTable('scope_exit')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('scope_id', 'text', (c) => c.notNull())
      .addColumn('tbl', 'text', (c) => c.notNull())
      .addColumn('row_id', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('scope_exit_pull').on('scope_exit').columns(['scope_id', 'seq']).execute();

    await db.schema
      .createTable('blob')
      .addColumn('sha256', 'text', (c) => c.primaryKey())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('stored_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('upload')
      .addColumn('upload_id', 'text', (c) => c.primaryKey())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('received', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('upload_owner').on('upload').columns(['sha256', 'client_id']).execute();

    await db.schema
      .createTable('catalog_version')
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('published_by', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sms_outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('mobile', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .addColumn('order_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('boss_counter')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('domain_label')
      .addColumn('label', 'text', (c) => c.primaryKey())
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .addColumn('order_id', 'text', (c) => c.notNull())
      .execute();
  },
};

/** The CMPP link's durable state (src/sms/store.ts): MT messages and their parts, the MO inbox, the Sequence_Id counter. */
const smsCmpp: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('sms_counter')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'bigint', (c) => c.notNull())
      .execute();
    // A random start, so a gateway that remembers Sequence_Ids never takes a fresh database's first
    // messages for repeats of an earlier one's.
    const seqStart = 1 + Math.floor(Math.random() * 2 ** 30);
    await sql`INSERT INTO sms_counter (name, value) VALUES ('cmpp_seq', ${seqStart})`.execute(db);
    await db.schema
      .createTable('sms_mt')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('mobile', 'text', (c) => c.notNull())
      .addColumn('extension', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('enterprise_id', 'text')
      .addColumn('parts', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sms_mt_enterprise').on('sms_mt').columns(['enterprise_id', 'created_at']).execute();
    await db.schema
      .createTable('sms_mt_part')
      .addColumn('mt_id', 'text', (c) => c.notNull())
      .addColumn('part_no', 'integer', (c) => c.notNull())
      .addColumn('seq_no', 'bigint', (c) => c.notNull().unique())
      .addColumn('tp_udhi', 'integer', (c) => c.notNull())
      .addColumn('msg_fmt', 'integer', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('result', 'integer')
      .addColumn('msg_id', 'text')
      .addColumn('duplicate', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('report_stat', 'text')
      .addColumn('answered_at', 'text')
      .addColumn('reported_at', 'text')
      .addPrimaryKeyConstraint('sms_mt_part_pk', ['mt_id', 'part_no'])
      .execute();
    await db.schema.createIndex('sms_mt_part_queue').on('sms_mt_part').columns(['state', 'seq_no']).execute();
    await db.schema.createIndex('sms_mt_part_msg_id').on('sms_mt_part').column('msg_id').execute();
    await db.schema
      .createTable('sms_mo')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('ismg_msg_id', 'text', (c) => c.notNull().unique())
      .addColumn('mobile', 'text', (c) => c.notNull())
      .addColumn('dest_id', 'text', (c) => c.notNull())
      .addColumn('service_id', 'text', (c) => c.notNull())
      .addColumn('msg_fmt', 'integer', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('text', 'text')
      .addColumn('concat_ref', 'integer')
      .addColumn('concat_total', 'integer')
      .addColumn('concat_index', 'integer')
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('handled_at', 'text')
      .execute();
    await db.schema.createIndex('sms_mo_unhandled').on('sms_mo').columns(['handled_at', 'received_at']).execute();
  },
};

/**
 * Sessions (one per sign-in, the refresh-token family) that every request checks, so a sign-out or a
 * revocation ends its access tokens at once; refresh tokens get a generation within their session.
 */
const sessions: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('staff_session')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('address', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('seen_generation', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('staff_session_user').on('staff_session').columns(['user_id', 'address']).execute();
    await db.schema
      .alterTable('refresh_token')
      .addColumn('generation', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    // Sessions of the refresh tokens issued before (the old code revoked whole families only).
    await sql`INSERT INTO staff_session (id, user_id, address, created_at, revoked_at, seen_generation)
      SELECT family_id, MIN(user_id), NULL, MIN(created_at), CASE WHEN MAX(revoked) = 1 THEN MAX(created_at) END, 1
      FROM refresh_token GROUP BY family_id`.execute(db);
  },
};

/** Failed sign-ins per account, per address and platform-wide, shared by every platform process. */
const loginThrottle: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('login_throttle')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('window_started_at', 'text', (c) => c.notNull())
      .addColumn('last_failure_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('login_throttle_last').on('login_throttle').column('last_failure_at').execute();
  },
};

/**
 * Who may read a blob: whoever uploaded it (blob_owner) and whoever sees a live site that shows it
 * (site_image, kept with the site's `images`; filled here from the sites already stored).
 */
const blobAccess: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('blob_owner')
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('blob_owner_pk', ['sha256', 'user_id'])
      .execute();
    await db.schema
      .createTable('site_image')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('site_image_pk', ['site_id', 'sha256'])
      .execute();
    await db.schema.createIndex('site_image_sha256').on('site_image').column('sha256').execute();
    const sites = await sql<{ id: string; data: string }>`SELECT id, data FROM site`.execute(db);
    for (const site of sites.rows) {
      const images = [...new Set((JSON.parse(site.data) as { images?: string[] }).images ?? [])];
      for (const sha256 of images) await sql`INSERT INTO site_image (site_id, sha256) VALUES (${site.id}, ${sha256})`.execute(db);
    }
  },
};

/**
 * Issue 10: site publication, leads and visit statistics (three synced tables), the kept revisions and
 * their compiled files, the host → live revision map the public listener reads, and the state the
 * public listener shares between processes (daily visitor hashes, form-post limits).
 */
const sitePublication: Migration = {
  async up(db: AnyDb) {
    for (const tbl of ['site_publication', 'lead', 'site_visit_day']) {
      await syncedColumns(db.schema.createTable(tbl))
        .addColumn('enterprise_id', 'text', (c) => c.notNull())
        .execute();
      await pullIndexes(db, tbl);
      await db.schema.createIndex(`${tbl}_enterprise`).on(tbl).column('enterprise_id').execute();
    }
    await db.schema
      .createTable('site_revision')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('images', 'text', (c) => c.notNull())
      .addColumn('signoff', 'text')
      .addColumn('submitted_by', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('built', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('site_revision_pk', ['site_id', 'revision'])
      .execute();
    await db.schema
      .createTable('site_file')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('etag', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('site_file_pk', ['site_id', 'revision', 'path'])
      .execute();
    await db.schema
      .createTable('site_asset')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('site_asset_pk', ['site_id', 'revision', 'path'])
      .execute();
    await db.schema
      .createTable('site_host')
      .addColumn('host', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer')
      .addColumn('offline_at', 'text')
      .execute();
    await db.schema.createIndex('site_host_site').on('site_host').column('site_id').execute();
    await db.schema
      .createTable('visit_seen')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('visit_seen_pk', ['day', 'hash'])
      .execute();
    await db.schema
      .createTable('visit_salt')
      .addColumn('day', 'text', (c) => c.primaryKey())
      .addColumn('salt', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('post_limit')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('window_started_at', 'text', (c) => c.notNull())
      .execute();
  },
};

/**
 * Serving published sites from memory (issue 10): one counter every change of `site_host` bumps in
 * its own transaction, so each public listener process notices a switch or an offline date with one
 * cheap read instead of a host query per request.
 */
const publicationServing: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('publication_generation')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('generation', 'integer', (c) => c.notNull())
      .execute();
    await db
      .insertInto('publication_generation' as never)
      .values({ id: 1, generation: 1 } as never)
      .execute();
    // The reason an administrator gave for publishing without a sign-off.
    await db.schema.alterTable('site_revision').addColumn('unsigned_reason', 'text').execute();
  },
};

/** The portals and their search (issue 13): what each live site publishes, and the term index over it. */
const portalSearch: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('portal_site')
      .addColumn('site_id', 'text', (c) => c.primaryKey())
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('short_name', 'text', (c) => c.notNull())
      .addColumn('slogan', 'text', (c) => c.notNull())
      .addColumn('industry_section', 'text', (c) => c.notNull())
      .addColumn('industry_division', 'text')
      .addColumn('province', 'text', (c) => c.notNull())
      .addColumn('city', 'text', (c) => c.notNull())
      .addColumn('district', 'text', (c) => c.notNull())
      .addColumn('host', 'text', (c) => c.notNull())
      .addColumn('web_url', 'text', (c) => c.notNull())
      .addColumn('wap_url', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('offline_at', 'text')
      .addColumn('visits', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('portal_site_industry').on('portal_site').columns(['industry_section', 'industry_division']).execute();
    await db.schema.createIndex('portal_site_region').on('portal_site').columns(['province', 'city']).execute();
    await db.schema.createIndex('portal_site_visits').on('portal_site').column('visits').execute();
    await db.schema.createIndex('portal_site_enterprise').on('portal_site').column('enterprise_id').execute();
    await db.schema
      .createTable('portal_item')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('post_kind', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('model', 'text')
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addColumn('date', 'text')
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('wap_url', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('portal_item_pk', ['site_id', 'item_id'])
      .execute();
    await db.schema.createIndex('portal_item_kind').on('portal_item').columns(['kind', 'published_at', 'site_id', 'item_id']).execute();
    // One row per (term, site), written by the indexer only. `rank` orders a term's sites: the field
    // weight × 1000 + a popularity bucket; the first index walks a term in rank order, the second
    // checks "does this site have that term too" (and deletes a site's terms).
    await db.schema
      .createTable('search_term')
      .addColumn('term', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('rank', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('search_term_rank').on('search_term').columns(['term', 'rank', 'site_id']).execute();
    await db.schema.createIndex('search_term_site').on('search_term').columns(['site_id', 'term']).execute();
  },
};

/**
 * Issue 11: the SMS sites answer. Each opened enterprise's extension (backfilled from the opened
 * orders), per-number menu sessions and MO limits (shared by every platform process), opt-outs
 * (TD), what each MT is for (a welcome is free), and the month's SMS usage (synced).
 */
const smsSites: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('sms_route')
      .addColumn('extension', 'text', (c) => c.primaryKey())
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .addColumn('opened_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sms_route_enterprise').on('sms_route').column('enterprise_id').execute();
    const orders = await sql<{
      enterprise_id: string;
      data: string;
    }>`SELECT enterprise_id, data FROM service_order WHERE status IN ('opened', 'completed')`.execute(db);
    for (const order of orders.rows) {
      const opening = (JSON.parse(order.data) as { opening?: { smsServiceCode?: { extension?: string }; openedAt?: string } }).opening;
      const extension = opening?.smsServiceCode?.extension;
      if (extension)
        await sql`INSERT INTO sms_route (extension, enterprise_id, opened_at) VALUES (${extension}, ${order.enterprise_id}, ${opening.openedAt ?? ''}) ON CONFLICT DO NOTHING`.execute(
          db,
        );
    }
    await db.schema
      .createTable('sms_session')
      .addColumn('mobile', 'text', (c) => c.notNull())
      .addColumn('extension', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('sms_session_pk', ['mobile', 'extension'])
      .execute();
    await db.schema.createIndex('sms_session_expires').on('sms_session').column('expires_at').execute();
    await db.schema
      .createTable('sms_mo_limit')
      .addColumn('mobile', 'text', (c) => c.primaryKey())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('throttled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('window_started_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sms_optout')
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .addColumn('mobile', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('sms_optout_pk', ['enterprise_id', 'mobile'])
      .execute();
    // 抽奖: every draw with the seed that decided it (the audit trail); 调查: one answer per number and site; 关怀: what was sent.
    await db.schema
      .createTable('sms_draw')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('mobile', 'text', (c) => c.notNull())
      .addColumn('seed', 'text', (c) => c.notNull())
      .addColumn('roll', 'integer', (c) => c.notNull())
      .addColumn('prize', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sms_draw_number').on('sms_draw').columns(['site_id', 'mobile']).execute();
    await db.schema.createIndex('sms_draw_prize').on('sms_draw').columns(['site_id', 'prize']).execute();
    await db.schema
      .createTable('sms_survey_answer')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('mobile', 'text', (c) => c.notNull())
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('option_no', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('sms_survey_answer_pk', ['site_id', 'mobile'])
      .execute();
    await db.schema
      .createTable('sms_care_sent')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('care_id', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('mobile', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('sms_care_sent_pk', ['site_id', 'care_id', 'day', 'mobile'])
      .execute();
    // The numbers that texted an enterprise's SMS site: whom its care messages go to.
    await db.schema
      .createTable('sms_subscriber')
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .addColumn('mobile', 'text', (c) => c.notNull())
      .addColumn('first_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('sms_subscriber_pk', ['enterprise_id', 'mobile'])
      .execute();
    await db.schema
      .alterTable('sms_mt')
      .addColumn('purpose', 'text', (c) => c.notNull().defaultTo('reply'))
      .execute();
    await syncedColumns(db.schema.createTable('sms_usage'))
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .execute();
    await pullIndexes(db, 'sms_usage');
    await db.schema.createIndex('sms_usage_enterprise').on('sms_usage').column('enterprise_id').execute();
  },
};

/** The picture sizes of published sites, made on the platform from the uploaded originals (sites/renditions.ts); the bytes are blobs. */
const imageRenditions: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('image_rendition')
      .addColumn('source_sha256', 'text', (c) => c.notNull())
      .addColumn('variant', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('image_rendition_pk', ['source_sha256', 'variant'])
      .execute();
  },
};

/** Each enterprise's SMS draw log and survey tallies, summarised for the desktop (sms/activity.ts). */
const smsActivity: Migration = {
  async up(db) {
    await syncedColumns(db.schema.createTable('sms_activity'))
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .execute();
    await pullIndexes(db, 'sms_activity');
  },
};

/** Portal members (issue 13 item 4, portal/members.ts): numbers confirmed by an SMS code, what they follow, their daily digests. */
const portalMembers: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('portal_member')
      .addColumn('mobile', 'text', (c) => c.primaryKey())
      .addColumn('province', 'text', (c) => c.notNull())
      .addColumn('city', 'text', (c) => c.notNull())
      .addColumn('joined_at', 'text', (c) => c.notNull())
      .addColumn('active_at', 'text', (c) => c.notNull())
      .addColumn('digest_after', 'text', (c) => c.notNull())
      .addColumn('opted_out_at', 'text')
      .execute();
    await db.schema
      .createTable('portal_member_code')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('mobile', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('code_hash', 'text', (c) => c.notNull())
      .addColumn('choice', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('used_at', 'text')
      .execute();
    await db.schema.createIndex('portal_member_code_mobile').on('portal_member_code').columns(['mobile', 'created_at']).execute();
    await db.schema.createIndex('portal_member_code_address').on('portal_member_code').columns(['address', 'created_at']).execute();
    await db.schema
      .createTable('portal_subscription')
      .addColumn('mobile', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('portal_subscription_pk', ['mobile', 'kind', 'value'])
      .execute();
    await db.schema.createIndex('portal_subscription_value').on('portal_subscription').columns(['kind', 'value']).execute();
    await db.schema
      .createTable('portal_digest')
      .addColumn('mobile', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('posts', 'integer', (c) => c.notNull())
      .addColumn('sent_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('portal_digest_pk', ['mobile', 'day'])
      .execute();
  },
};

/** Issue 13: the portal home's promoted enterprises, one row per opened promotion order, [start_date, end_date). */
const portalPromotions: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('portal_promotion')
      .addColumn('order_id', 'text', (c) => c.primaryKey())
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('end_date', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('portal_promotion_dates').on('portal_promotion').columns(['start_date', 'end_date']).execute();
  },
};

/** Each enterprise's portal member report, summarised for the desktop (portal/memberReport.ts). */
const memberReport: Migration = {
  async up(db) {
    await syncedColumns(db.schema.createTable('member_report'))
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .execute();
    await pullIndexes(db, 'member_report');
  },
};

/** Subscription commands texted to the service code, counted per number and China day (portal/smsSubscribe.ts). */
const portalSmsCommands: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('portal_sms_command_day')
      .addColumn('mobile', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('commands', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('portal_sms_command_day_pk', ['mobile', 'day'])
      .execute();
  },
};

const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_sms_cmpp': smsCmpp,
  '0003_sessions': sessions,
  '0004_login_throttle': loginThrottle,
  '0005_blob_access': blobAccess,
  '0006_site_publication': sitePublication,
  '0007_publication_serving': publicationServing,
  '0008_portal_search': portalSearch,
  '0009_sms_sites': smsSites,
  '0010_vpmn': vpmn,
  '0011_image_renditions': imageRenditions,
  '0012_sms_activity': smsActivity,
  '0013_portal_members': portalMembers,
  '0014_portal_promotions': portalPromotions,
  '0015_member_report': memberReport,
  '0016_portal_sms_commands': portalSmsCommands,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Migrates to the latest schema, or up to and including `name` (tests start from an older schema); answers how many ran. */
export async function migrateToLatest(db: Kysely<unknown>, name?: string): Promise<number> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await (name ? migrator.migrateTo(name) : migrator.migrateToLatest());
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  return results?.length ?? 0;
}
