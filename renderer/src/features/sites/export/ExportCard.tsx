/**
 * 导出: the four channels written as a folder and a zip (with manifest.json) on this machine — in the
 * data folder, or (desktop app) a folder chosen in its dialog; in browser mode the zip is also
 * offered as a download (by its address). A report with errors asks before exporting. A chosen
 * folder that holds other files is refused by the backend with a message saying so: nothing of the
 * user's is lost.
 */
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Descriptions, Space, Typography } from 'antd';
import { DownloadOutlined, ExportOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../../shared/api';
import { fileUrl } from '../../../api/client';
import { chooseFolder, isDesktop } from '../../../api/desktop';
import { useApiMutation } from '../../../api/hooks';
import { apiErrorText } from '../../../ui/apiErrors';
import { download } from '../../../ui/download';
import { useCompiled } from '../state/compiledStore';
import { useBuilder } from '../state/siteStore';

type ExportResult = Output<'sites.export'>;

export function ExportCard() {
  const { t } = useTranslation();
  const { modal } = AntApp.useApp();
  const site = useBuilder((s) => s.site!);
  const errors = useCompiled((s) => s.compiled?.result.report.summary.errors ?? 0);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [failure, setFailure] = useState('');
  const exportSite = useApiMutation('sites.export');

  /** `outDir`: a folder grant from the desktop dialog; none: the data folder's exports. */
  const run = async (force: boolean, outDir?: string) => {
    setFailure('');
    try {
      setResult(await exportSite.mutateAsync({ siteId: site.id, force, zip: true, ...(outDir ? { outDir } : {}) }));
    } catch (error) {
      setFailure(apiErrorText(error));
    }
  };
  const start = (outDir?: string) => {
    if (errors === 0) return void run(false, outDir);
    modal.confirm({
      title: t('sites.export.errorsConfirm', { errors }),
      content: t('sites.export.errorsHint'),
      okText: t('sites.export.anyway'),
      onOk: () => run(true, outDir),
    });
  };
  const startInFolder = async () => {
    setFailure('');
    try {
      const folder = await chooseFolder();
      if (folder) start(folder.grant);
    } catch (error) {
      setFailure(apiErrorText(error));
    }
  };
  const zipName = `${site.content.profile.shortName || 'site'}-${t('sites.revisionShort', { revision: result?.revision ?? site.revision })}.zip`;

  return (
    <Card size="small" title={t('sites.export.title')} data-testid="export-card">
      <Typography.Paragraph type="secondary">{t('sites.export.intro')}</Typography.Paragraph>
      {errors ? <Alert type="warning" showIcon title={t('sites.export.hasErrors', { errors })} className="ecw-gap-bottom" /> : null}
      <Space wrap>
        <Button type="primary" icon={<ExportOutlined />} loading={exportSite.isPending} onClick={() => start()} data-testid="export-run">
          {t('sites.export.run')}
        </Button>
        {isDesktop() ? (
          <Button
            icon={<FolderOpenOutlined />}
            disabled={exportSite.isPending}
            onClick={() => void startInFolder()}
            data-testid="export-choose-folder"
          >
            {t('sites.export.toFolder')}
          </Button>
        ) : null}
      </Space>
      {failure ? <Alert type="error" showIcon title={failure} className="ecw-gap-top" /> : null}
      {result ? (
        <div className="ecw-gap-top" data-testid="export-result">
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'rev', label: t('sites.export.revision'), children: t('sites.revision', { revision: result.revision }) },
              {
                key: 'dir',
                label: t('sites.export.folder'),
                children: (
                  <Typography.Text copyable className="ecw-mono">
                    {result.dir}
                  </Typography.Text>
                ),
              },
              ...(result.zipPath
                ? [
                    {
                      key: 'zip',
                      label: t('sites.export.zip'),
                      children: (
                        <Typography.Text copyable className="ecw-mono">
                          {result.zipPath}
                        </Typography.Text>
                      ),
                    },
                  ]
                : []),
              {
                key: 'files',
                label: t('sites.export.files'),
                children: t('sites.export.filesValue', { files: result.files, kb: Math.round((result.zipBytes ?? 0) / 1024) }),
              },
            ]}
          />
          {result.zipPath && !isDesktop() ? (
            <Space className="ecw-gap-top">
              <Button
                icon={<DownloadOutlined />}
                onClick={() => download(fileUrl('files.siteExport', { siteId: result.siteId, revision: result.revision }), zipName)}
                data-testid="export-download"
              >
                {t('sites.export.download')}
              </Button>
            </Space>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
