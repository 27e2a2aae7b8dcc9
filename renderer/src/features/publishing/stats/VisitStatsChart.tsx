/**
 * Visits of the enterprise's site over the last 30 days, per channel (WEB, WAP 2.0, WAP 1.0), page
 * views or unique visitors. ECharts is imported piece by piece (core, line chart, grid, tooltip,
 * legend, SVG renderer) and this module loads only with the enterprise page.
 */
import { Card, Segmented, Space, Statistic } from 'antd';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VISIT_CHANNELS, type VisitChannel } from '../../../../../shared/platform-api/tables';
import type { VisitDay } from '../../../../../shared/api/publishing';
import { useApiQuery } from '../../../api/hooks';
import { useEChart } from './useEChart';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const DAYS = 30;
type Measure = 'pv' | 'uv';

/** The last `count` China dates up to today, oldest first. */
function lastDates(count: number): string[] {
  const today = Date.now();
  return Array.from({ length: count }, (_, i) => new Date(today - (count - 1 - i) * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10));
}

function seriesOf(days: VisitDay[], dates: string[], measure: Measure, name: (c: VisitChannel) => string) {
  return VISIT_CHANNELS.map((channel) => {
    const byDate = new Map(days.filter((d) => d.channel === channel).map((d) => [d.date, d[measure]]));
    // Straight segments: a smoothed line overshoots below zero before a day with visits, and counts are never negative.
    return {
      type: 'line' as const,
      name: name(channel),
      smooth: false,
      showSymbol: false,
      data: dates.map((date) => byDate.get(date) ?? 0),
    };
  });
}

export function VisitStatsChart({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const [measure, setMeasure] = useState<Measure>('pv');
  const { data } = useApiQuery('sites.visitStats', { enterpriseId, days: DAYS });
  const dates = useMemo(() => lastDates(DAYS), []);
  const days = useMemo(() => data?.days ?? [], [data]);
  const total = (m: Measure) => days.reduce((sum, d) => sum + d[m], 0);

  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: dates.map((d) => d.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: seriesOf(days, dates, measure, (c) => t(`publishing.channel.${c}`)),
    }),
    [days, dates, measure, t],
  );
  const holder = useEChart(option, 'visit chart');

  return (
    <Card
      size="small"
      title={t('publishing.stats.title')}
      extra={
        <Segmented<Measure>
          size="small"
          value={measure}
          onChange={setMeasure}
          options={[
            { value: 'pv', label: 'PV' },
            { value: 'uv', label: 'UV' },
          ]}
        />
      }
      data-testid="visit-stats"
    >
      <Space size={24}>
        <Statistic title={t('publishing.stats.pv')} value={total('pv')} />
        <Statistic title={t('publishing.stats.uv')} value={total('uv')} />
      </Space>
      <div
        ref={holder}
        className="ecw-visit-chart"
        style={{ height: 220 }}
        role="img"
        aria-label={t('publishing.stats.chartLabel', { days: DAYS })}
      />
    </Card>
  );
}
