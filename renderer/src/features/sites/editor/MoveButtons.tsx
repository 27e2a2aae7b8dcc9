import { ArrowDownOutlined, ArrowLeftOutlined, ArrowRightOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** The 上移/下移 pair of a row in a list (left/right for a row of pictures); `by` is -1 or +1. */
export function MoveButtons({
  index,
  count,
  onMove,
  sideways = false,
}: {
  index: number;
  count: number;
  onMove: (by: -1 | 1) => void;
  sideways?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Tooltip title={t('sites.moveUp')}>
        <Button
          size="small"
          type="text"
          icon={sideways ? <ArrowLeftOutlined /> : <ArrowUpOutlined />}
          disabled={index === 0}
          onClick={() => onMove(-1)}
          aria-label={t('sites.moveUp')}
        />
      </Tooltip>
      <Tooltip title={t('sites.moveDown')}>
        <Button
          size="small"
          type="text"
          icon={sideways ? <ArrowRightOutlined /> : <ArrowDownOutlined />}
          disabled={index === count - 1}
          onClick={() => onMove(1)}
          aria-label={t('sites.moveDown')}
        />
      </Tooltip>
    </>
  );
}
