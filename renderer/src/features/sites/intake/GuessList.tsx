/** Every decision the auto-structuring made, grouped by file, each with an undo. */
import { useState } from 'react';
import { Button, Empty, List, Tag, Typography } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Guess } from '../../../../../shared/api/sites';
import { useShowError } from '../../../ui/apiErrors';
import { save, useBuilder } from '../state/siteStore';
import { guessText } from './guessText';

function GuessRow({ guess, templateId }: { guess: Guess; templateId: string }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const undo = async () => {
    setBusy(true);
    try {
      await save('sites.undoGuess', { guessId: guess.id });
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <List.Item
      className="ecw-guess"
      data-testid="intake-guess"
      actions={[
        <Button
          key="undo"
          size="small"
          type="link"
          icon={<UndoOutlined />}
          loading={busy}
          onClick={() => void undo()}
          data-testid="guess-undo"
        >
          {t('sites.guess.undo')}
        </Button>,
      ]}
    >
      <span className="ecw-guess-text">{guessText(guess, t, templateId)}</span>
    </List.Item>
  );
}

export function GuessList() {
  const { t } = useTranslation();
  const guesses = useBuilder((s) => s.site?.intake.guesses ?? []);
  const templateId = useBuilder((s) => s.site?.content.template.templateId ?? '');
  if (guesses.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sites.guess.none')} />;
  const bySource = new Map<string, Guess[]>();
  for (const g of guesses) bySource.set(g.source, [...(bySource.get(g.source) ?? []), g]);
  return (
    <div data-testid="guess-list">
      <Typography.Paragraph type="secondary">{t('sites.guess.hint')}</Typography.Paragraph>
      {[...bySource].map(([source, list]) => (
        <div key={source} className="ecw-guess-group">
          <Tag>{source === 'enterprise' ? t('sites.guess.fromEnterprise') : source}</Tag>
          <List size="small" dataSource={list} renderItem={(g) => <GuessRow guess={g} templateId={templateId} />} />
        </div>
      ))}
    </div>
  );
}
