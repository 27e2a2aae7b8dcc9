/** 导入资料: drop the customer's folder, watch it go in, then check what was guessed and sort what was not. */
import { Alert, Button, Collapse, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiErrorText } from '../../../ui/apiErrors';
import { useBuilder } from '../state/siteStore';
import { DropZone } from './DropZone';
import { GuessList } from './GuessList';
import { ImportSummary } from './ImportSummary';
import { ProblemList } from './ProblemList';
import { UnsortedTray } from './UnsortedTray';
import { useImport } from './useImport';

/** The backend's fixed labels are "中文 english"; file names are shown as they are. */
function progressLabel(label: string, language: string): string {
  const pair = /^(\S*[\u4e00-\u9fff]\S*) ([a-z][a-z ]*)$/.exec(label);
  if (!pair) return label;
  return language === 'en-US' ? pair[2]! : pair[1]!;
}

export function IntakeProgress({ run }: { run: ReturnType<typeof useImport>['run'] }) {
  const { t, i18n } = useTranslation();
  if (!run.progress) return null;
  return (
    <div className="ecw-intake-progress" data-testid="intake-progress">
      <Progress percent={Math.round(run.progress.fraction * 100)} status="active" aria-label={t('sites.intake.progress')} />
      <Typography.Text type="secondary" ellipsis className="ecw-small">
        {t('sites.intake.working', { label: progressLabel(run.progress.label, i18n.language) })}
      </Typography.Text>
    </div>
  );
}

export function IntakeError({ run, retry }: { run: ReturnType<typeof useImport>['run']; retry: () => void }) {
  const { t } = useTranslation();
  if (!run.error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={t('sites.intake.failed')}
      description={apiErrorText(run.error)}
      action={run.failed ? <Button onClick={retry}>{t('common.retry')}</Button> : null}
    />
  );
}

export function IntakePanel({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const { run, start } = useImport(enterpriseId);
  const lastImport = useBuilder((s) => s.lastImport);
  const problems = useBuilder((s) => s.site?.intake.problems ?? []);
  const guesses = useBuilder((s) => s.site?.intake.guesses.length ?? 0);
  const tray = useBuilder((s) => s.site?.content.unsorted.length ?? 0);
  const shownProblems = [
    ...run.localProblems,
    ...(lastImport ? lastImport.problems.filter((p) => !run.localProblems.includes(p)) : problems),
  ];

  return (
    <Space orientation="vertical" size={12} className="ecw-fill">
      <DropZone disabled={run.busy} onFiles={(files) => void start(files)} />
      <IntakeProgress run={run} />
      <IntakeError run={run} retry={() => run.failed && void start(run.failed)} />
      {lastImport ? <ImportSummary report={lastImport} /> : null}
      <ProblemList problems={shownProblems} />
      <Collapse
        defaultActiveKey={['guesses', 'tray']}
        items={[
          { key: 'guesses', label: t('sites.guess.title', { count: guesses }), children: <GuessList /> },
          { key: 'tray', label: t('sites.tray.title', { count: tray }), children: <UnsortedTray /> },
        ]}
      />
    </Space>
  );
}
