/**
 * The desktop's view of an enterprise's SMS site activity (issue 11 item 4): one synced
 * `sms_activity` row per enterprise with the newest draws (number masked, seed kept so the draw can be
 * recomputed) and the survey tallies. Rewritten from sms_draw and sms_survey_answer inside the
 * transaction that added a draw or an answer, so it never lags what was answered.
 */
import { isoNow, type PlatformContext } from '../context';
import { SMS_ACTIVITY_MAX_DRAWS, type SmsActivityWireRow } from '../../../shared/platform-api';
import { insertRow, loadRow, updateRow, type Writer } from '../sync/rows';
import type { LiveSmsSite } from './sites';

/** 13800000001 → 138****0001: enough to tell winners apart, not enough to call them. */
export const maskMobile = (mobile: string): string => (mobile.length >= 8 ? `${mobile.slice(0, 3)}****${mobile.slice(-4)}` : '****');

type Tallies = SmsActivityWireRow['surveys'];

async function surveyTallies(w: Writer, live: LiveSmsSite): Promise<Tallies> {
  const rows = await w.trx
    .selectFrom('sms_survey_answer')
    .select(['question', 'option_no', (eb) => eb.fn.countAll().as('n')])
    .where('enterprise_id', '=', live.enterpriseId)
    .groupBy(['question', 'option_no'])
    .orderBy('question')
    .orderBy('option_no')
    .execute();
  const current = live.site.survey;
  const byQuestion = new Map<string, Map<number, number>>();
  if (current) byQuestion.set(current.question.text, new Map(current.options.map((_, i) => [i + 1, 0])));
  for (const r of rows) {
    const counts = byQuestion.get(r.question) ?? new Map<number, number>();
    counts.set(Number(r.option_no), Number(r.n));
    byQuestion.set(r.question, counts);
  }
  // The current question's options have their labels; an earlier question's keep their numbers.
  const labelOf = (question: string, no: number) =>
    (current?.question.text === question ? current.options[no - 1] : undefined) ?? String(no);
  return [...byQuestion].map(([question, counts]) => ({
    question,
    options: [...counts].sort(([a], [b]) => a - b).map(([no, count]) => ({ label: labelOf(question, no), count })),
  }));
}

/** Brings the enterprise's `sms_activity` row up to date (call after writing a draw or an answer, in the same transaction). */
export async function refreshSmsActivity(w: Writer, ctx: PlatformContext, live: LiveSmsSite): Promise<void> {
  const enterpriseId = live.enterpriseId;
  const draws = await w.trx
    .selectFrom('sms_draw')
    .select(['at', 'mobile', 'prize', 'seed', 'roll'])
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(SMS_ACTIVITY_MAX_DRAWS)
    .execute();
  const total = await w.trx
    .selectFrom('sms_draw')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirstOrThrow();
  const data = {
    draws: draws.map((d) => ({ at: d.at, mobile: maskMobile(d.mobile), prize: d.prize, seed: d.seed, roll: Number(d.roll) })),
    drawCount: Number(total.n),
    surveys: await surveyTallies(w, live),
  };
  const by = { clientId: null, at: isoNow(ctx) };
  const row = await loadRow(w, 'sms_activity', enterpriseId);
  if (row) {
    updateRow(w, row, { changes: data }, by);
    return;
  }
  const enterprise = await w.trx.selectFrom('enterprise').select('scope_id').where('id', '=', enterpriseId).executeTakeFirst();
  if (enterprise) insertRow(w, 'sms_activity', enterpriseId, enterprise.scope_id, { enterpriseId, ...data }, by);
}
