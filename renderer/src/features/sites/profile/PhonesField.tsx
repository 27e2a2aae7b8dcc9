/** The contact block's phone numbers, each with a label (电话, 手机, 传真 …). */
import { Button, Input, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ContactBlock } from '../../../../../shared/sites/model';
import type { FieldErrors } from '../editor/useDraftEditor';

type Phones = ContactBlock['phones'];

export function PhonesField({ phones, onChange, errors }: { phones: Phones; onChange: (p: Phones) => void; errors: FieldErrors }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Phones[number]>) => onChange(phones.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <Space orientation="vertical" size={4} className="ecw-fill">
      {phones.map((phone, i) => (
        <div key={i} data-field={`contact.phones.${i}`}>
          <Space.Compact>
            <Input
              value={phone.label}
              maxLength={20}
              placeholder={t('sites.profile.phoneLabel')}
              onChange={(e) => set(i, { label: e.target.value })}
              style={{ width: 100 }}
              aria-label={t('sites.profile.phoneLabel')}
            />
            <Input
              value={phone.number}
              maxLength={30}
              status={errors[`contact.phones.${i}.number`] ? 'error' : undefined}
              placeholder="0531-86001234"
              onChange={(e) => set(i, { number: e.target.value })}
              style={{ width: 200 }}
              aria-label={t('sites.profile.phoneNumber')}
            />
            <Button
              icon={<DeleteOutlined />}
              onClick={() => onChange(phones.filter((_, j) => j !== i))}
              aria-label={t('sites.profile.removePhone')}
            />
          </Space.Compact>
          {errors[`contact.phones.${i}.number`] ? <div className="ecw-error-text">{errors[`contact.phones.${i}.number`]}</div> : null}
        </div>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() => onChange([...phones, { label: t('sites.profile.phoneDefault'), number: '' }])}
      >
        {t('sites.profile.addPhone')}
      </Button>
    </Space>
  );
}
