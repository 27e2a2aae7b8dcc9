/** The enterprise's registration data, as a clerk reads it back to the customer. */
import { Descriptions, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Enterprise } from '../../../../../shared/domain/enterprise';
import { industrySection } from '../../../../../shared/domain/industry';
import { LicencePhoto } from './LicencePhoto';

function industryText(e: Enterprise): string {
  const section = industrySection(e.industrySection);
  if (!section) return e.industrySection;
  const division = section.divisions.find((d) => d.code === e.industryDivision);
  return division ? `${section.code} ${section.name} / ${division.code} ${division.name}` : `${section.code} ${section.name}`;
}

/** What the licence says, as far as it is known, and its photo. */
function licenceItems(e: Enterprise, t: TFunction) {
  const d = e.licence ?? {};
  const text = [
    { key: 'licenceType', value: d.type },
    { key: 'legalRepresentative', value: d.legalRepresentative },
    { key: 'registeredCapital', value: d.registeredCapital },
    { key: 'establishedOn', value: d.establishedOn },
  ].flatMap(({ key, value }) => (value ? [{ key, label: t(`enterprises.field.${key}`), children: value }] : []));
  return [
    ...text,
    ...(d.businessScope ? [{ key: 'businessScope', label: t('enterprises.field.businessScope'), children: d.businessScope, span: 2 }] : []),
    ...(e.licencePhotoSha256
      ? [
          {
            key: 'licencePhoto',
            label: t('enterprises.field.licencePhoto'),
            children: <LicencePhoto enterpriseId={e.id} sha256={e.licencePhotoSha256} />,
            span: 2,
          },
        ]
      : []),
  ];
}

export function EnterpriseInfo({ enterprise: e }: { enterprise: Enterprise }) {
  const { t } = useTranslation();
  const region = [e.region.province, e.region.city === '市辖区' ? '' : e.region.city, e.region.district].filter(Boolean).join(' ');
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      data-testid="enterprise-info"
      items={[
        {
          key: 'creditCode',
          label: t('enterprises.field.creditCode'),
          children: (
            <Typography.Text className="ecw-mono" copyable>
              {e.creditCode}
            </Typography.Text>
          ),
        },
        { key: 'industry', label: t('enterprises.field.industry'), children: industryText(e) },
        { key: 'region', label: t('enterprises.field.region'), children: region },
        { key: 'address', label: t('enterprises.field.address'), children: e.address },
        { key: 'contact', label: t('enterprises.field.contact'), children: `${e.contact.name}  ${e.contact.mobile}` },
        { key: 'email', label: t('enterprises.field.contactEmail'), children: e.contact.email || '—' },
        { key: 'manager', label: t('enterprises.field.manager'), children: e.manager },
        { key: 'channel', label: t('enterprises.field.channel'), children: t(`channel.${e.channel}`) },
        { key: 'updatedAt', label: t('enterprises.field.updatedAt'), children: dayjs(e.updatedAt).format('YYYY-MM-DD HH:mm') },
        ...licenceItems(e, t),
        ...(e.note ? [{ key: 'note', label: t('enterprises.field.note'), children: e.note, span: 2 }] : []),
      ]}
    />
  );
}
