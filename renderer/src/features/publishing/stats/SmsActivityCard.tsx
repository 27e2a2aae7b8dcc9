/**
 * The SMS site's 抽奖 draw log and 调查 tallies as the platform reported them (`sms.activity`,
 * issue 11 item 4). Each draw shows its seed: SHA-256 of the seed decides the roll, so the
 * enterprise can recompute any result. The tallies are ECharts bar charts, loaded with the visit chart.
 */
import { Card, Empty, Table, Tooltip, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SmsActivity } from '../../../../../shared/api/smsActivity';
import { useApiQuery } from '../../../api/hooks';
import { useEChart } from './useEChart';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

type Draw = SmsActivity['draws'][number];
type Survey = SmsActivity['surveys'][number];

function SurveyChart({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: survey.options.map((o) => o.label), inverse: true },
      series: [
        {
          type: 'bar',
          name: t('publishing.smsActivity.answers'),
          data: survey.options.map((o) => o.count),
          label: { show: true, position: 'right' },
        },
      ],
    }),
    [survey, t],
  );
  const holder = useEChart(option, 'survey chart');
  const total = survey.options.reduce((n, o) => n + o.count, 0);
  return (
    <div data-testid="sms-survey">
      <Typography.Text strong>{survey.question}</Typography.Text>
      <div
        ref={holder}
        style={{ height: 40 + 28 * survey.options.length }}
        role="img"
        aria-label={t('publishing.smsActivity.chartLabel', { question: survey.question })}
      />
      <Typography.Text type="secondary" data-testid="sms-survey-counts">
        {survey.options.map((o) => `${o.label} ${o.count}`).join(' · ')} · {t('publishing.smsActivity.total', { count: total })}
      </Typography.Text>
    </div>
  );
}

function DrawLog({ draws, drawCount }: { draws: Draw[]; drawCount: number }) {
  const { t } = useTranslation();
  const columns = [
    {
      title: t('publishing.smsActivity.col.at'),
      dataIndex: 'at',
      width: 150,
      render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }),
      onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
    },
    { title: t('publishing.smsActivity.col.mobile'), dataIndex: 'mobile', width: 110 },
    {
      title: t('publishing.smsActivity.col.prize'),
      dataIndex: 'prize',
      render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('publishing.smsActivity.noPrize')}</Typography.Text>,
    },
    {
      title: <Tooltip title={t('publishing.smsActivity.seedHelp')}>{t('publishing.smsActivity.col.seed')}</Tooltip>,
      dataIndex: 'seed',
      render: (seed: string, d: Draw) => (
        <Tooltip title={t('publishing.smsActivity.roll', { roll: d.roll })}>
          <Typography.Text code copyable style={{ fontSize: 12 }}>
            {seed}
          </Typography.Text>
        </Tooltip>
      ),
    },
  ];
  return (
    <>
      <Typography.Text strong>{t('publishing.smsActivity.draws', { count: drawCount })}</Typography.Text>
      {drawCount > draws.length && (
        <Typography.Text type="secondary"> {t('publishing.smsActivity.newest', { count: draws.length })}</Typography.Text>
      )}
      <Table<Draw>
        size="small"
        rowKey={(d) => `${d.at}:${d.seed}`}
        columns={columns}
        dataSource={draws}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 5, size: 'small', hideOnSinglePage: true }}
        data-testid="sms-draws"
      />
    </>
  );
}

export function SmsActivityCard({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const { data } = useApiQuery('sms.activity', { enterpriseId });
  const empty = data && data.drawCount === 0 && data.surveys.length === 0;
  return (
    <Card size="small" title={t('publishing.smsActivity.title')} data-testid="sms-activity">
      {empty && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('publishing.smsActivity.empty')} />}
      {data && data.drawCount > 0 && <DrawLog draws={data.draws} drawCount={data.drawCount} />}
      {data?.surveys.map((survey) => (
        <SurveyChart key={survey.question} survey={survey} />
      ))}
    </Card>
  );
}
