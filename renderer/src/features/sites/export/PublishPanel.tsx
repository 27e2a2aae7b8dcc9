/** 导出与确认: export the built site, and the customer's sign-off of what the previews show. */
import { Space } from 'antd';
import type { Enterprise } from '../../../../../shared/domain/enterprise';
import { ExportCard } from './ExportCard';
import { SignOffCard } from './SignOffCard';

export function PublishPanel({ enterprise }: { enterprise: Enterprise }) {
  return (
    <Space orientation="vertical" size={12} className="ecw-fill" data-testid="publish-panel">
      <SignOffCard enterprise={enterprise} />
      <ExportCard />
    </Space>
  );
}
