import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Link } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  CI_ROLES,
  CiRole,
  EXTERNAL_RELATION_KINDS,
  ReleaseDetails,
} from '@internal/plugin-release-common';
import { useState } from 'react';
import { releaseApiRef } from '../../api';
import { EntityPicker } from '../EntityPicker';
import { SelectField } from '../forms';
import { CI_KINDS_FOR_PICKER } from '../RegisterReleaseDialog/ciKinds';
import { useSubmission } from '../../hooks/useSubmission';
import { useReleaseLabels } from '../labels';

const externalFields = ['key', 'title', 'url', 'system'] as const;

/**
 * CIs and records in other systems related to the release
 * (docs/process.md#relations).
 */
export const RelationsPanel = (props: {
  release: ReleaseDetails;
  canEdit: boolean;
  onChanged: () => void;
}) => {
  const { release, canEdit, onChanged } = props;
  const releaseApi = useApi(releaseApiRef);
  const labels = useReleaseLabels();
  const { t } = labels;
  const [kind, setKind] = useState<string>('ci');
  const [entityRef, setEntityRef] = useState<string | null>(null);
  const [role, setRole] = useState<CiRole>('updated');
  const [external, setExternal] = useState({
    key: '',
    title: '',
    url: '',
    system: '',
  });
  const { errorOf, fieldProps, failure, submit } = useSubmission([
    'kind',
    'entityRef',
    'role',
    ...externalFields,
  ]);

  const run = async (work: () => Promise<unknown>) => {
    if (await submit(work)) {
      onChanged();
      setEntityRef(null);
      setExternal({ key: '', title: '', url: '', system: '' });
    }
  };

  const add = () =>
    run(() =>
      kind === 'ci'
        ? releaseApi.addRelation(release.id, {
            kind: 'ci',
            entityRef: entityRef ?? '',
            role,
          })
        : releaseApi.addRelation(release.id, {
            kind: kind as any,
            key: external.key,
            title: external.title,
            url: external.url || undefined,
            system: external.system || undefined,
          }),
    );

  const cis = release.relations.filter(r => r.kind === 'ci');
  const others = release.relations.filter(r => r.kind !== 'ci');

  return (
    <>
      {failure && <Alert severity="error">{failure.message}</Alert>}
      <Typography variant="h6">{t('relations.cis')}</Typography>
      {cis.length === 0 && (
        <Typography color="textSecondary">{t('relations.noneYet')}</Typography>
      )}
      <List dense>
        {cis.map(relation => (
          <ListItem key={relation.id}>
            <ListItemText
              primary={
                relation.missingSince ? (
                  // The entity page is gone: a link would lead nowhere.
                  relation.entityRef
                ) : (
                  <EntityRefLink entityRef={relation.entityRef} />
                )
              }
              secondary={
                relation.missingSince
                  ? t('relations.missingSince', {
                      role: labels.ciRole(relation.role),
                      date: labels.dateTime(relation.missingSince),
                    })
                  : labels.ciRole(relation.role)
              }
              secondaryTypographyProps={
                relation.missingSince ? { color: 'error' } : undefined
              }
            />
            {canEdit && (
              <Button
                size="small"
                onClick={() =>
                  run(() => releaseApi.removeRelation(release.id, relation.id))
                }
              >
                {t('relations.remove')}
              </Button>
            )}
          </ListItem>
        ))}
      </List>
      <Typography variant="h6">{t('relations.others')}</Typography>
      {others.length === 0 && (
        <Typography color="textSecondary">{t('relations.noneYet')}</Typography>
      )}
      <List dense>
        {others.map(relation => (
          <ListItem key={relation.id}>
            <ListItemText
              primary={
                relation.url ? (
                  <Link
                    to={relation.url}
                  >{`${relation.key}: ${relation.title}`}</Link>
                ) : (
                  `${relation.key}: ${relation.title}`
                )
              }
              secondary={[labels.relationKind(relation.kind), relation.system]
                .filter(Boolean)
                .join(' · ')}
            />
            {canEdit && (
              <Button
                size="small"
                onClick={() =>
                  run(() => releaseApi.removeRelation(release.id, relation.id))
                }
              >
                {t('relations.remove')}
              </Button>
            )}
          </ListItem>
        ))}
      </List>
      {canEdit && (
        <div
          style={{
            display: 'flex',
            gap: 16,
            alignItems: 'flex-end',
            flexWrap: 'wrap',
          }}
        >
          <SelectField
            id="release-relate"
            label={t('relations.relate')}
            value={kind}
            onChange={setKind}
            margin="normal"
            options={[
              ['ci', t('relations.ci')],
              ...EXTERNAL_RELATION_KINDS.map(
                value => [value, labels.relationKind(value)] as const,
              ),
            ]}
            {...fieldProps('kind')}
          />
          {kind === 'ci' ? (
            <>
              <div style={{ minWidth: 320 }}>
                <EntityPicker
                  label={t('relations.catalogEntity')}
                  kinds={CI_KINDS_FOR_PICKER}
                  value={entityRef}
                  onChange={setEntityRef}
                  error={errorOf('entityRef')}
                />
              </div>
              <SelectField
                id="release-role"
                label={t('relations.role')}
                value={role}
                onChange={value => setRole(value as CiRole)}
                margin="normal"
                options={CI_ROLES.map(value => [value, labels.ciRole(value)])}
                {...fieldProps('role')}
              />
            </>
          ) : (
            externalFields.map(field => (
              <TextField
                key={field}
                id={`release-relation-${field}`}
                label={t(`relations.${field}`)}
                value={external[field]}
                onChange={e =>
                  setExternal({ ...external, [field]: e.target.value })
                }
                {...fieldProps(field)}
                margin="normal"
              />
            ))
          )}
          <Button color="primary" variant="outlined" onClick={add}>
            {t('relations.add')}
          </Button>
        </div>
      )}
    </>
  );
};
