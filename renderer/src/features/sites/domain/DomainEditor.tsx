/**
 * 域名: the enterprise's own domain (checked as typed, Chinese names shown with their xn-- form) or a
 * label the operator assigns under its domain.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Input, Radio, Space, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { checkDomain, checkSiteLabel, isReservedSiteLabel } from '../../../../../shared/domain/domainName';
import { DEFAULT_ASSIGNED_SUFFIX, siteUrls, type SiteDomain } from '../../../../../shared/sites';
import { apiErrorText } from '../../../ui/apiErrors';
import { Field } from '../editor/Field';
import { isStale, save, useBuilder } from '../state/siteStore';

type Kind = SiteDomain['kind'];

function OwnCheck({ name }: { name: string }) {
  const { t } = useTranslation();
  if (!name.trim()) return null;
  const check = checkDomain(name);
  if (!check.valid)
    return (
      <Typography.Text type="danger" data-testid="domain-check">
        <CloseCircleFilled /> {t(`sites.domain.error.${check.error!.code.replace('domain.', '')}`, { character: check.error!.character })}
      </Typography.Text>
    );
  return (
    <Typography.Text type="success" data-testid="domain-check">
      <CheckCircleFilled /> {t('sites.domain.valid')}
      {check.ascii !== check.unicode ? (
        <>
          {' '}
          · {t('sites.domain.ascii')} <span className="ecw-mono">{check.ascii}</span>
        </>
      ) : null}
    </Typography.Text>
  );
}

export function DomainEditor() {
  const { t } = useTranslation();
  const site = useBuilder((s) => s.site!);
  const domain = site.content.domain;
  const [kind, setKind] = useState<Kind>(domain.kind);
  const [name, setName] = useState(domain.kind === 'own' ? domain.name : '');
  const [label, setLabel] = useState(domain.kind === 'assigned' ? domain.label : '');
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  // Only a change of the saved domain resets the fields (not every other save of the site).
  const savedKey = JSON.stringify(domain);
  useEffect(() => {
    const saved = JSON.parse(savedKey) as SiteDomain;
    setKind(saved.kind);
    if (saved.kind === 'own') setName(saved.name);
    else setLabel(saved.label);
  }, [savedKey]);

  const labelReserved = isReservedSiteLabel(label);
  const labelOk = checkSiteLabel(label).valid && !labelReserved;
  const valid = kind === 'own' ? checkDomain(name).valid : labelOk;
  const changed =
    kind !== domain.kind ||
    (kind === 'own'
      ? domain.kind !== 'own' || checkDomain(name).unicode !== domain.name
      : domain.kind !== 'assigned' || checkSiteLabel(label).normalized !== domain.label);

  const apply = async () => {
    setSaving(true);
    setError('');
    try {
      await save('sites.setDomain', { domain: kind === 'own' ? { kind, name } : { kind, label } });
    } catch (e) {
      if (!isStale(e)) setError(apiErrorText(e));
    } finally {
      setSaving(false);
    }
  };

  const urls = siteUrls(site.content);
  return (
    <Space orientation="vertical" size={12} className="ecw-fill" data-testid="domain-editor">
      <Card size="small" title={t('sites.domain.current')}>
        <Space orientation="vertical" size={2}>
          <span>
            WEB <span className="ecw-mono">{urls.web}</span>
          </span>
          <span>
            WAP 2.0 <span className="ecw-mono">{urls.wap2}</span>
          </span>
          <span>
            WAP 1.0 <span className="ecw-mono">{urls.wap1}</span>
          </span>
        </Space>
      </Card>
      <Card size="small" title={t('sites.domain.change')}>
        <Radio.Group
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
          options={[
            { value: 'assigned', label: t('sites.domain.assigned') },
            { value: 'own', label: t('sites.domain.own') },
          ]}
        />
        {kind === 'own' ? (
          <Field label={t('sites.domain.ownName')} field="domain.name" hint={t('sites.domain.ownHint')}>
            <Input
              value={name}
              maxLength={253}
              placeholder="例如 quanchengtea.cn 或 泉城茶业.中国"
              onChange={(e) => setName(e.target.value)}
              onPressEnter={() => valid && changed && void apply()}
              data-testid="domain-name"
            />
          </Field>
        ) : (
          <Field
            label={t('sites.domain.label')}
            field="domain.label"
            error={label && !labelOk ? t(labelReserved ? 'sites.domain.labelReserved' : 'sites.domain.labelInvalid') : undefined}
            hint={t('sites.domain.labelHint')}
          >
            <Space.Compact>
              <Input
                value={label}
                maxLength={63}
                onChange={(e) => setLabel(e.target.value)}
                onPressEnter={() => valid && changed && void apply()}
                data-testid="domain-label"
                style={{ width: 220 }}
              />
              <span className="ecw-addon">.{DEFAULT_ASSIGNED_SUFFIX}</span>
            </Space.Compact>
          </Field>
        )}
        {kind === 'own' ? <OwnCheck name={name} /> : null}
        {error ? <Alert type="error" showIcon title={error} className="ecw-gap-top" /> : null}
        <div className="ecw-gap-top">
          <Button type="primary" disabled={!valid || !changed} loading={saving} onClick={() => void apply()} data-testid="domain-save">
            {t('sites.domain.apply')}
          </Button>
        </div>
      </Card>
    </Space>
  );
}
