/** A site on the platform (issue 10): its publication on the site page, and the visit chart on the enterprise page — each loaded with the page that shows it. */
import { lazyPart } from '../../ui/lazyPart';

export const SitePublicationBar = lazyPart(async () => (await import('./site/SitePublicationBar')).SitePublicationBar);
/** Loads ECharts (tree-shaken) only when an enterprise page opens. */
export const VisitStatsChart = lazyPart(async () => (await import('./stats/VisitStatsChart')).VisitStatsChart);
/** The portal members who follow an enterprise, from the synced member_report table, beside the visit chart. */
export const MemberReportCard = lazyPart(async () => (await import('./stats/MemberReportCard')).MemberReportCard);
/** The SMS site's draw log and survey tallies (ECharts too), on the enterprise page of an opened enterprise. */
export const SmsActivityCard = lazyPart(async () => (await import('./stats/SmsActivityCard')).SmsActivityCard);
