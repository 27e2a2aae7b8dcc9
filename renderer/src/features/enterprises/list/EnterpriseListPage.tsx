/**
 * 集团客户 list: search by name, contact, region, credit code, mobile or pinyin initials; filter by
 * platform status, plan and city; sort by change, name or registration. Keyboard first (`/`, ↑/↓,
 * Enter, Alt+N).
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Empty, Input, Typography, type InputRef } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { EnterpriseListRow } from '../../../../../shared/domain/enterprise';
import { apiErrorText } from '../../../ui/apiErrors';
import { isTypingTarget } from '../../../ui/keyboard';
import { useDebouncedValue } from '../../../ui/useDebouncedValue';
import { Kbd } from '../../../ui/Kbd';
import { EnterpriseTable } from './EnterpriseTable';
import { ListFilters } from './ListFilters';
import { DEFAULT_PARAMS, isNarrowed, type ListParams } from './listParams';
import { useEnterprisePages } from './useEnterprisePages';
import '../enterprises.css';

const PAGE_JUMP = 10;

function useSlashFocus(target: React.RefObject<InputRef | null>) {
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== '/' || isTypingTarget(event.target)) return;
      event.preventDefault();
      target.current?.focus({ cursor: 'all' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [target]);
}

export function EnterpriseListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const searchRef = useRef<InputRef>(null);
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<Omit<ListParams, 'query'>>(DEFAULT_PARAMS);
  const query = useDebouncedValue(text.trim(), 200);
  const params = { ...filters, query };
  const narrowed = isNarrowed(params);
  const { total, error, rowAt, showRange, retry } = useEnterprisePages(params);
  const [selected, setSelected] = useState(0);
  useSlashFocus(searchRef);
  useEffect(() => setSelected(0), [query, filters]);

  const open = useCallback((row: EnterpriseListRow) => void navigate(`/enterprises/${row.id}`), [navigate]);
  const count = total ?? 0;

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const move = (to: number) => {
      event.preventDefault();
      setSelected(Math.max(0, Math.min(count - 1, to)));
    };
    if (event.key === 'ArrowDown') move(selected + 1);
    else if (event.key === 'ArrowUp') move(selected - 1);
    else if (event.key === 'PageDown') move(selected + PAGE_JUMP);
    else if (event.key === 'PageUp') move(selected - PAGE_JUMP);
    else if (event.key === 'Enter') {
      const row = rowAt(selected);
      if (row) {
        event.preventDefault();
        open(row);
      }
    } else if (event.key === 'Escape' && event.currentTarget.tagName === 'INPUT') setText('');
    // `/` means "search" everywhere, even when the (empty) search box already has the focus.
    else if (event.key === '/' && event.currentTarget.tagName === 'INPUT' && !text) event.preventDefault();
  };

  return (
    <div className="ecw-page ecw-list-page">
      <div className="ecw-list-toolbar">
        <Typography.Title level={4} className="ecw-list-title">
          {t('enterprises.list.title')}
        </Typography.Title>
        <Input
          ref={searchRef}
          className="ecw-list-search"
          autoFocus
          prefix={<SearchOutlined />}
          suffix={<Kbd>/</Kbd>}
          placeholder={t('enterprises.list.searchPlaceholder')}
          aria-label={t('enterprises.list.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          data-testid="enterprise-search"
        />
        <Typography.Text type="secondary" data-testid="enterprise-count">
          {total === null
            ? t('enterprises.list.counting')
            : t(narrowed ? 'enterprises.list.found' : 'enterprises.list.total', { count, n: count.toLocaleString('en-US') })}
        </Typography.Text>
        <span className="ecw-spacer" />
        <Typography.Text type="secondary" className="ecw-list-keys">
          {t('enterprises.list.keysHint')}
        </Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/enterprises/new')}>
          {t('enterprises.list.new')} <Kbd>Alt+N</Kbd>
        </Button>
      </div>
      <div className="ecw-list-filters">
        <ListFilters params={params} onChange={(change) => setFilters((f) => ({ ...f, ...change }))} />
      </div>
      {error ? (
        <Alert type="error" showIcon title={apiErrorText(error)} action={<Button onClick={retry}>{t('common.retry')}</Button>} />
      ) : null}
      {total === 0 ? (
        <EmptyList query={query} filtered={narrowed} onNew={() => void navigate('/enterprises/new')} />
      ) : (
        <EnterpriseTable
          total={count}
          rowAt={rowAt}
          showRange={showRange}
          selected={selected}
          onSelect={setSelected}
          onOpen={open}
          onKeyDown={onKeyDown}
        />
      )}
    </div>
  );
}

function EmptyList({ query, filtered, onNew }: { query: string; filtered: boolean; onNew: () => void }) {
  const { t } = useTranslation();
  const description = query
    ? t('enterprises.list.noMatch', { query })
    : filtered
      ? t('enterprises.list.noneFiltered')
      : t('enterprises.list.empty');
  return (
    <div className="ecw-list-empty" data-testid="enterprise-empty">
      <Empty description={description}>
        {!filtered && (
          <Button type="primary" icon={<PlusOutlined />} onClick={onNew}>
            {t('enterprises.list.new')}
          </Button>
        )}
      </Empty>
    </div>
  );
}
