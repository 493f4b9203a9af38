import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import {
  Justification,
  JUSTIFIED_ACTIONS,
  JustifiedAction,
  releaseJustificationManagePermission,
} from '@internal/plugin-release-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { releaseApiRef } from '../../api';
import { useSubmission } from '../../hooks/useSubmission';
import { useReleaseLabels } from '../labels';
import { DataTable } from '../tables';

/**
 * The justification catalogue (docs/process.md#the-justification-catalogue):
 * reasons are deactivated, never deleted. Without a page header, which the
 * page around it draws.
 */
export const JustificationAdminContent = () => {
  const releaseApi = useApi(releaseApiRef);
  const { t } = useReleaseLabels();
  const canManage = usePermission({
    permission: releaseJustificationManagePermission,
  });
  const reasons = useAsyncRetry(
    () => releaseApi.listJustifications(),
    [releaseApi],
  );
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [appliesTo, setAppliesTo] = useState<JustifiedAction[]>(['suspend']);
  const { errorOf, fieldProps, failure, submit } = useSubmission([
    'name',
    'description',
    'appliesTo',
  ]);

  const run = async (work: () => Promise<unknown>) => {
    const done = await submit(work);
    if (done) reasons.retry();
    return done;
  };

  const add = async () => {
    if (
      await run(() =>
        releaseApi.createJustification({ name, description, appliesTo }),
      )
    ) {
      setName('');
      setDescription('');
    }
  };

  const columns: TableColumn<Justification>[] = [
    { title: t('justifications.name'), field: 'name' },
    { title: t('justifications.description'), field: 'description' },
    {
      title: t('justifications.appliesTo'),
      field: 'appliesTo',
      render: reason =>
        reason.appliesTo
          .map(action => t(`justifications.action.${action}`))
          .join(', '),
    },
    {
      title: t('justifications.active'),
      field: 'active',
      render: reason =>
        reason.active ? t('justifications.yes') : t('justifications.no'),
    },
    {
      title: '',
      field: 'id',
      sorting: false,
      render: reason => (
        <Button
          size="small"
          disabled={!canManage.allowed}
          onClick={() =>
            run(() =>
              releaseApi.updateJustification(reason.id, {
                active: !reason.active,
              }),
            )
          }
        >
          {reason.active
            ? t('justifications.deactivate')
            : t('justifications.activate')}
        </Button>
      ),
    },
  ];

  return (
    <>
      {failure && <Alert severity="error">{failure.message}</Alert>}
      {reasons.error && <ResponseErrorPanel error={reasons.error} />}
      {reasons.loading && !reasons.value && <Progress />}
      {reasons.value && (
        <InfoCard title={t('justifications.reasons')} noPadding>
          <DataTable
            label={t('justifications.tableLabel')}
            columns={columns}
            data={reasons.value}
          />
        </InfoCard>
      )}
      {canManage.allowed && (
        <InfoCard title={t('justifications.addTitle')}>
          <TextField
            id="release-justification-name"
            label={t('justifications.name')}
            value={name}
            onChange={e => setName(e.target.value)}
            {...fieldProps('name')}
            margin="normal"
            fullWidth
          />
          <TextField
            id="release-justification-description"
            label={t('justifications.description')}
            value={description}
            onChange={e => setDescription(e.target.value)}
            {...fieldProps('description')}
            margin="normal"
            fullWidth
          />
          {JUSTIFIED_ACTIONS.map(action => (
            <FormControlLabel
              key={action}
              label={t(`justifications.action.${action}`)}
              control={
                <Checkbox
                  checked={appliesTo.includes(action)}
                  onChange={e =>
                    setAppliesTo(
                      e.target.checked
                        ? [...appliesTo, action]
                        : appliesTo.filter(a => a !== action),
                    )
                  }
                />
              }
            />
          ))}
          {errorOf('appliesTo') && (
            <FormHelperText error>{errorOf('appliesTo')}</FormHelperText>
          )}
          <div>
            <Button color="primary" variant="contained" onClick={add}>
              {t('justifications.add')}
            </Button>
          </div>
        </InfoCard>
      )}
    </>
  );
};
