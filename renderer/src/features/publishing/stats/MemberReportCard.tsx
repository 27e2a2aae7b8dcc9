/**
 * The portal's member report for an enterprise (issue 13 item 4), from the synced `member_report`
 * table: how many portal members follow the enterprise or its industry, new this month, opted out
 * (TD), and where they are, as of the last sync. Shown beside the visit chart; works offline.
 */
import { Card, Descriptions, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MemberReport } from '../../../../../shared/platform-api/portal';
import { fileUrl } from '../../../api/client';
import { useApiQuery } from '../../../api/hooks';
import { apiErrorText } from '../../../ui/apiErrors';

type Region = MemberReport['byRegion'][number];

export function MemberReportCard({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const { data, error } = useApiQuery('portal.memberReport', { enterpriseId });
  return (
    <Card
      size="small"
      title={t('publishing.memberReport.title')}
      extra={
        data && (
          <a href={fileUrl('files.memberReport', { enterpriseId, month: data.month })} download data-testid="member-report-export">
            {t('publishing.memberReport.export')}
          </a>
        )
      }
      data-testid="member-report"
    >
      {error && <Typography.Text type="danger">{apiErrorText(error)}</Typography.Text>}
      {data && (
        <>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }} data-testid="member-report-as-of">
            {data.asOf
              ? t('publishing.memberReport.asOf', { time: dayjs(data.asOf).format('YYYY-MM-DD HH:mm') })
              : t('publishing.memberReport.notSynced')}
          </Typography.Text>
          <Descriptions size="small" column={2} data-testid="member-report-counts">
            <Descriptions.Item label={t('publishing.memberReport.followers')}>{data.followers}</Descriptions.Item>
            <Descriptions.Item label={t('publishing.memberReport.newThisMonth', { month: data.month })}>
              {data.newThisMonth}
            </Descriptions.Item>
            <Descriptions.Item label={t('publishing.memberReport.followingEnterprise')}>{data.followingEnterprise}</Descriptions.Item>
            <Descriptions.Item label={t('publishing.memberReport.followingIndustry')}>{data.followingIndustry}</Descriptions.Item>
            <Descriptions.Item label={t('publishing.memberReport.optedOut')}>{data.optedOut}</Descriptions.Item>
          </Descriptions>
          {data.byRegion.length > 0 && (
            <Table<Region>
              size="small"
              rowKey={(r) => `${r.province}/${r.city}`}
              dataSource={data.byRegion}
              pagination={{ pageSize: 5, size: 'small', hideOnSinglePage: true }}
              columns={[
                {
                  title: t('publishing.memberReport.region'),
                  render: (_: unknown, r: Region) => (r.city ? `${r.province} ${r.city}` : t('publishing.memberReport.unknownRegion')),
                },
                { title: t('publishing.memberReport.members'), dataIndex: 'members', align: 'right' },
              ]}
              data-testid="member-report-regions"
            />
          )}
        </>
      )}
    </Card>
  );
}
