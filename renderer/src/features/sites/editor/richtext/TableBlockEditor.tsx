/** A table: cells of inline text, rows and columns added or removed, the first row optionally headings. */
import { Button, Checkbox, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Block, Run } from '../../../../../../shared/sites/model';
import { RunsEditor } from './RunsEditor';

type TableBlock = Extract<Block, { type: 'table' }>;

export function TableBlockEditor({ block, onChange }: { block: TableBlock; onChange: (block: TableBlock) => void }) {
  const { t } = useTranslation();
  const width = Math.max(1, ...block.rows.map((r) => r.length));
  const rows = block.rows.map((r) => [...r, ...Array.from({ length: width - r.length }, (): Run[] => [])]);
  const setRows = (next: Run[][][]) => onChange({ ...block, rows: next });
  const setCell = (r: number, c: number, runs: Run[]) =>
    setRows(rows.map((row, i) => (i === r ? row.map((cell, j) => (j === c ? runs : cell)) : row)));

  return (
    <div className="ecw-table-block">
      <table className="ecw-table-edit">
        <tbody>
          {rows.map((row, r) => (
            <tr key={r} className={block.header && r === 0 ? 'is-header' : undefined}>
              {row.map((cell, c) => (
                <td key={c}>
                  <RunsEditor
                    runs={cell}
                    onChange={(runs) => setCell(r, c, runs)}
                    label={t('sites.richtext.cell', { row: r + 1, column: c + 1 })}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <Space wrap size={4}>
        <Checkbox checked={block.header} onChange={(e) => onChange({ ...block, header: e.target.checked })}>
          {t('sites.richtext.headerRow')}
        </Checkbox>
        <Button size="small" onClick={() => setRows([...rows, Array.from({ length: width }, (): Run[] => [])])}>
          {t('sites.richtext.addRow')}
        </Button>
        <Button size="small" onClick={() => setRows(rows.map((row) => [...row, []]))}>
          {t('sites.richtext.addColumn')}
        </Button>
        <Button size="small" disabled={rows.length <= 1} onClick={() => setRows(rows.slice(0, -1))}>
          {t('sites.richtext.removeRow')}
        </Button>
        <Button size="small" disabled={width <= 1} onClick={() => setRows(rows.map((row) => row.slice(0, -1)))}>
          {t('sites.richtext.removeColumn')}
        </Button>
      </Space>
    </div>
  );
}
