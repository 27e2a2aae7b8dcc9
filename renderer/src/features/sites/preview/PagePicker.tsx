/** Which compiled page the preview shows (links inside a preview frame are inert, so this is how to move around). */
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PreviewPage } from './pages';

export function PagePicker({
  pages,
  value,
  onChange,
}: {
  pages: PreviewPage[];
  value: string | undefined;
  onChange: (path: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      size="small"
      showSearch={{ optionFilterProp: 'label' }}
      className="ecw-page-picker"
      value={value}
      onChange={onChange}
      options={pages.map((p) => ({ value: p.path, label: p.label }))}
      aria-label={t('sites.preview.page')}
      popupMatchSelectWidth={false}
      data-testid="preview-page"
    />
  );
}
