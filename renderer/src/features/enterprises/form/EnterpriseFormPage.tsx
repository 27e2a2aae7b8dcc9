/** /enterprises/new and /enterprises/:id/edit: loads the record and any draft, then shows the form. */
import { useNavigate, useParams } from 'react-router';
import { Alert, Breadcrumb, Button, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../../api/hooks';
import { apiErrorText } from '../../../ui/apiErrors';
import { useAppStatus } from '../../../ui/appStatus';
import { EnterpriseForm } from './EnterpriseForm';
import { emptyValues, valuesOf, withDraft } from './formValues';
import { useFormDraft } from './useFormDraft';
import '../enterprises.css';

export const draftKeyOf = (id?: string) => `enterprise-form:${id ?? 'new'}`;

function useEnterprise(id: string | undefined) {
  const query = useApiQuery('enterprises.get', { id: id ?? '' }, { enabled: Boolean(id) });
  return { enterprise: query.data ?? null, error: query.error, loaded: !id || !query.isPending, reload: () => void query.refetch() };
}

export function EnterpriseFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const { operator } = useAppStatus();
  const draft = useFormDraft(draftKeyOf(id));
  const { enterprise, error, loaded, reload } = useEnterprise(id);

  const title = id ? t('enterprises.form.editTitle', { name: enterprise?.name ?? '' }) : t('enterprises.form.newTitle');
  const back = () => void navigate(id ? `/enterprises/${id}` : '/enterprises');

  let body;
  if (error)
    body = <Alert type="error" showIcon title={apiErrorText(error)} action={<Button onClick={reload}>{t('common.retry')}</Button>} />;
  else if (!loaded || !draft.loaded) body = <Spin />;
  else {
    const base = enterprise ? valuesOf(enterprise) : emptyValues(operator);
    body = (
      <EnterpriseForm
        key={id ?? 'new'}
        enterpriseId={id}
        base={base}
        start={withDraft(base, draft.restored?.value)}
        draft={draft}
        onSaved={(saved) => void navigate(`/enterprises/${saved.id}`, { replace: !id })}
        onCancel={back}
      />
    );
  }

  return (
    <div className="ecw-page-narrow">
      <Breadcrumb
        className="ecw-breadcrumb"
        items={[
          { title: <Link to="/enterprises">{t('enterprises.list.title')}</Link> },
          ...(enterprise ? [{ title: <Link to={`/enterprises/${enterprise.id}`}>{enterprise.name}</Link> }] : []),
          { title: id ? t('common.edit') : t('enterprises.form.newTitle') },
        ]}
      />
      <Typography.Title level={3} className="ecw-page-title">
        {title}
      </Typography.Title>
      {draft.error ? <Alert type="warning" showIcon title={apiErrorText(draft.error)} style={{ marginBottom: 16 }} /> : null}
      {body}
    </div>
  );
}
