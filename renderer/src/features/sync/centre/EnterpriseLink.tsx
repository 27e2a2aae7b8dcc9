/** The enterprise a sync row is about, as a link to its page (or the row's own label when it is gone). */
import { Link } from 'react-router';
import { Typography } from 'antd';

export function EnterpriseLink({
  enterprise,
  fallback,
}: {
  enterprise: { id: string; name: string } | null | undefined;
  fallback: string | null;
}) {
  if (enterprise?.name) return <Link to={`/enterprises/${enterprise.id}`}>{enterprise.name}</Link>;
  return <Typography.Text type="secondary">{fallback ?? '—'}</Typography.Text>;
}
