/** The number of leads nobody has handled yet, beside the navigation entry (nothing when zero). */
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api/hooks';

export function UnhandledLeadsBadge() {
  const { t } = useTranslation();
  const { data } = useApiQuery('leads.unhandledCount', {});
  if (!data?.count) return null;
  return (
    <span className="ecw-nav-badge" data-testid="leads-unhandled" aria-label={t('leads.unhandled', { count: data.count })}>
      {data.count > 99 ? '99+' : data.count}
    </span>
  );
}
