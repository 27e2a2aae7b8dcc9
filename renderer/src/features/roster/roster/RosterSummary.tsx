/** On the enterprise's page: how many members its VPMN group has, what waits, and the way to the roster. */
import { useNavigate } from 'react-router';
import { Button, Card, Space, Tag, Typography } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api/hooks';

export function RosterSummary({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data } = useApiQuery('roster.list', { enterpriseId });
  const counts = data?.counts;
  return (
    <Card
      size="small"
      title={t('roster.summary.title')}
      extra={
        <Button
          size="small"
          icon={<TeamOutlined />}
          onClick={() => void navigate(`/enterprises/${enterpriseId}/roster`)}
          data-testid="roster-open"
        >
          {t('roster.summary.open')}
        </Button>
      }
    >
      {counts ? (
        <Space wrap>
          <Typography.Text data-testid="roster-summary-members">{t('roster.summary.members', { count: counts.members })}</Typography.Text>
          {counts.draft ? <Tag color="blue">{t('roster.counts.draft', { count: counts.draft })}</Tag> : null}
          {counts.pending ? <Tag color="gold">{t('roster.counts.pending', { count: counts.pending })}</Tag> : null}
          {counts.conflict ? <Tag color="red">{t('roster.counts.conflict', { count: counts.conflict })}</Tag> : null}
        </Space>
      ) : null}
    </Card>
  );
}
