/**
 * The build report beside the previews: problems by severity and kind, each with where it is and a
 * "去修改" that opens the column, item or field to fix; then sizes per channel.
 */
import { Button, Collapse, Empty, List, Space, Statistic, Tag, Typography } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Finding, Severity } from '../../../../../shared/sites';
import { CHANNELS } from '../../../../../shared/sites/model';
import type { Compiled } from '../state/compiledStore';
import { useBuilder } from '../state/siteStore';
import { findingPlace, findingTarget } from './findingPlace';

const SEVERITY_COLOR: Record<Severity, string> = { error: 'red', warning: 'gold', info: 'blue' };

function groupByCode(findings: Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(`${f.severity}:${f.code}`, [...(groups.get(`${f.severity}:${f.code}`) ?? []), f]);
  return [...groups];
}

/** One finding: what is wrong, where, and a "去修改" that opens the place to fix it. */
export function FindingRow({ finding }: { finding: Finding }) {
  const { t } = useTranslation();
  const content = useBuilder((s) => s.site!.content);
  const select = useBuilder((s) => s.select);
  const open = () => {
    const { tab, selection } = findingTarget(finding);
    select(selection, tab);
  };
  return (
    <List.Item
      className="ecw-finding"
      data-testid="report-finding"
      actions={[
        <Button key="fix" size="small" type="link" onClick={open} data-testid="finding-fix">
          {t('sites.report.fix')}
        </Button>,
      ]}
    >
      <Space orientation="vertical" size={0}>
        <span>{t(`sites.report.code.${finding.code}`, { ...finding.params, defaultValue: finding.message })}</span>
        <Typography.Text type="secondary" className="ecw-small">
          {finding.channel ? <Tag className="ecw-tag-small">{t(`sites.channel.${finding.channel}`)}</Tag> : null}
          {findingPlace(finding, content, t)}
        </Typography.Text>
      </Space>
    </List.Item>
  );
}

export function ReportPanel({ compiled }: { compiled: Compiled }) {
  const { t } = useTranslation();
  const { findings, summary } = compiled.result.report;
  const groups = groupByCode(findings);
  return (
    <div className="ecw-report" data-testid="report-panel">
      <Space size={24} className="ecw-report-summary">
        <Statistic
          title={t('sites.report.errors')}
          value={summary.errors}
          styles={{ content: { color: summary.errors ? '#cf1322' : undefined } }}
        />
        <Statistic title={t('sites.report.warnings')} value={summary.warnings} />
        <Statistic title={t('sites.report.infos')} value={summary.infos} />
        <Statistic
          title={t('sites.report.pages')}
          value={CHANNELS.map((c) => `${t(`sites.channel.short.${c}`)}${summary.pagesPerChannel[c]}`).join(' ')}
        />
      </Space>
      {findings.length === 0 ? (
        <Empty image={<CheckCircleOutlined className="ecw-report-ok" />} description={t('sites.report.none')} />
      ) : (
        <Collapse
          size="small"
          defaultActiveKey={groups.filter(([key]) => !key.startsWith('info:')).map(([key]) => key)}
          items={groups.map(([key, list]) => ({
            key,
            label: (
              <Space>
                <Tag color={SEVERITY_COLOR[list[0]!.severity]}>{t(`sites.report.severity.${list[0]!.severity}`)}</Tag>
                <span>{t(`sites.report.title.${list[0]!.code}`, { defaultValue: list[0]!.code })}</span>
                <Tag>{list.length}</Tag>
              </Space>
            ),
            children: <List size="small" dataSource={list} renderItem={(f) => <FindingRow finding={f} />} />,
          }))}
        />
      )}
    </div>
  );
}
