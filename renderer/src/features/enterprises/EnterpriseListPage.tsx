/** Placeholder list: the real, virtualized list replaces this. */
import { useEffect, useState } from 'react';
import { List } from 'antd';
import type { Output } from '../../../../shared/api';
import { call } from '../../api/client';

export function EnterpriseListPage() {
  const [page, setPage] = useState<Output<'enterprises.list'> | null>(null);
  useEffect(() => {
    void call('enterprises.list', { offset: 0, limit: 100 }).then(setPage);
  }, []);
  return <List dataSource={page?.rows ?? []} renderItem={(row) => <List.Item>{row.name}</List.Item>} />;
}
