/** An optional ISO date (YYYY-MM-DD) with the antd date picker. */
import { DatePicker } from 'antd';
import dayjs from 'dayjs';

export function DateInput({ value, onChange, id }: { value: string | undefined; onChange: (v: string | undefined) => void; id?: string }) {
  return (
    <DatePicker
      id={id}
      value={value ? dayjs(value) : null}
      format="YYYY-MM-DD"
      onChange={(d) => onChange(d ? d.format('YYYY-MM-DD') : undefined)}
      style={{ width: 160 }}
    />
  );
}
