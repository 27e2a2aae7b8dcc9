/** The template's layout, adjusted for this site: WEB product layout and paging, phone paging and pictures. */
import { Card, InputNumber, Radio, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { effectiveLayout, templateFor, type TemplateChoice } from '../../../../../shared/sites';
import { useShowError } from '../../../ui/apiErrors';
import { Field } from '../editor/Field';
import { save, useBuilder } from '../state/siteStore';
import { useChosen } from '../state/useChosen';

type Options = TemplateChoice['options'];
type Layout = ReturnType<typeof effectiveLayout>;

/**
 * Each control saves only its own option, on the template as saved when the edit's turn comes, and
 * shows the user's latest choice while saves are on their way: quick changes to several all count.
 */
function useLayoutOption<K extends keyof Options & keyof Layout, F extends keyof NonNullable<Options[K]> & keyof Layout[K]>(
  channel: K,
  field: F,
  saved: Layout[K][F],
) {
  const showError = useShowError();
  const [shown, choose] = useChosen(saved);
  const set = (value: Layout[K][F]) => {
    const saving = save('sites.setTemplate', (site) => {
      const choice = site.content.template;
      return { template: { ...choice, options: { ...choice.options, [channel]: { ...choice.options[channel], [field]: value } } } };
    });
    choose(value, saving);
    void saving.catch(showError);
  };
  return [shown, set] as const;
}

export function LayoutOptions() {
  const { t } = useTranslation();
  const content = useBuilder((s) => s.site!.content);
  const layout = effectiveLayout(templateFor(content), content.template);
  const [productLayout, setProductLayout] = useLayoutOption('web', 'productLayout', layout.web.productLayout);
  const [showSlogan, setShowSlogan] = useLayoutOption('web', 'showSlogan', layout.web.showSlogan);
  const [webPerPage, setWebPerPage] = useLayoutOption('web', 'itemsPerPage', layout.web.itemsPerPage);
  const [wap2PerPage, setWap2PerPage] = useLayoutOption('wap2', 'itemsPerPage', layout.wap2.itemsPerPage);
  const [wap2Images, setWap2Images] = useLayoutOption('wap2', 'showImages', layout.wap2.showImages);
  const [wap1PerPage, setWap1PerPage] = useLayoutOption('wap1', 'itemsPerPage', layout.wap1.itemsPerPage);
  const [wap1Images, setWap1Images] = useLayoutOption('wap1', 'showImages', layout.wap1.showImages);

  return (
    <Card size="small" title={t('sites.template.layout')} className="ecw-layout-options">
      <div className="ecw-field-row">
        <Field label={t('sites.template.productLayout')} field="web.productLayout">
          <Radio.Group
            optionType="button"
            size="small"
            value={productLayout}
            onChange={(e) => setProductLayout(e.target.value as 'grid' | 'list')}
            options={[
              { value: 'grid', label: t('sites.template.grid') },
              { value: 'list', label: t('sites.template.list') },
            ]}
          />
        </Field>
        <Field label={t('sites.template.showSlogan')} field="web.showSlogan">
          <Switch size="small" checked={showSlogan} onChange={setShowSlogan} />
        </Field>
        <Field label={t('sites.template.webPerPage')} field="web.itemsPerPage">
          <InputNumber size="small" min={5} max={100} value={webPerPage} onChange={(n) => n && setWebPerPage(n)} />
        </Field>
      </div>
      <div className="ecw-field-row">
        <Field label={t('sites.template.wap2PerPage')} field="wap2.itemsPerPage">
          <InputNumber size="small" min={3} max={50} value={wap2PerPage} onChange={(n) => n && setWap2PerPage(n)} />
        </Field>
        <Field label={t('sites.template.wap2Images')} field="wap2.showImages">
          <Switch size="small" checked={wap2Images} onChange={setWap2Images} />
        </Field>
        <Field label={t('sites.template.wap1PerPage')} field="wap1.itemsPerPage">
          <InputNumber size="small" min={3} max={9} value={wap1PerPage} onChange={(n) => n && setWap1PerPage(n)} />
        </Field>
        <Field label={t('sites.template.wap1Images')} field="wap1.showImages">
          <Switch size="small" checked={wap1Images} onChange={setWap1Images} />
        </Field>
      </div>
    </Card>
  );
}
