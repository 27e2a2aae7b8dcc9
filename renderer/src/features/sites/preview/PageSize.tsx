/** A WAP page's size against its channel's budget (WML: compiled WBXML ≤ 1,400 bytes; XHTML-MP: 10 KB markup, 20 KB with pictures). */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { WAP2_MARKUP_BUDGET, WAP2_PAGE_BUDGET, WML_DECK_BUDGET } from '../../../../../shared/sites';
import type { Compiled } from '../state/compiledStore';

export function PageSize({ compiled, path }: { compiled: Compiled; path: string | undefined }) {
  const { t } = useTranslation();
  const stat = compiled.result.report.pages.find((p) => p.path === path);
  if (!stat) return null;
  if (stat.channel === 'wap1')
    return (
      <Typography.Text type="secondary" className="ecw-small" data-testid="page-size">
        {t('sites.preview.wmlSize', { bytes: stat.compiledBytes ?? stat.bytes, budget: WML_DECK_BUDGET })}
      </Typography.Text>
    );
  if (stat.channel === 'wap2')
    return (
      <Typography.Text type="secondary" className="ecw-small" data-testid="page-size">
        {t('sites.preview.wap2Size', {
          bytes: stat.bytes,
          total: stat.bytes + (stat.resourceBytes ?? 0),
          markup: WAP2_MARKUP_BUDGET,
          page: WAP2_PAGE_BUDGET,
        })}
      </Typography.Text>
    );
  return (
    <Typography.Text type="secondary" className="ecw-small" data-testid="page-size">
      {t('sites.preview.webSize', { bytes: stat.bytes })}
    </Typography.Text>
  );
}
