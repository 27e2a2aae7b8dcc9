import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MemberState } from '../../../../../shared/domain/roster';

const COLORS: Record<MemberState, string> = { draft: 'blue', pending: 'gold', active: 'green', conflict: 'red', removing: 'default' };

export function StateTag({ state }: { state: MemberState }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[state]}>{t(`roster.state.${state}`)}</Tag>;
}
