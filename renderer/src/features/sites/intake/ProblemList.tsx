/** Files that could not be used, each by name with the reason in the user's language. */
import { Alert, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IntakeProblem } from '../../../../../shared/api/sites';

export function problemText(problem: IntakeProblem, t: (key: string, options?: Record<string, unknown>) => string): string {
  return t(`sites.problem.${problem.code}`, { defaultValue: problem.message, message: problem.message });
}

export function ProblemList({ problems }: { problems: IntakeProblem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="ecw-intake-problems"
      title={t('sites.intake.problemsTitle', { count: problems.length })}
      description={
        <List
          size="small"
          split={false}
          dataSource={problems}
          renderItem={(p) => (
            <List.Item className="ecw-problem" data-testid="intake-problem">
              <Typography.Text strong className="ecw-problem-file">
                {p.file}
              </Typography.Text>
              <span>{problemText(p, t)}</span>
            </List.Item>
          )}
        />
      }
    />
  );
}
