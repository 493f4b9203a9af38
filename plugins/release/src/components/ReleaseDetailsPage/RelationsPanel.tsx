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
import { sameLabels, SelectField } from '../forms';
import { CI_KINDS_FOR_PICKER } from '../RegisterReleaseDialog/ciKinds';
import { useSubmission } from '../../hooks/useSubmission';
import { formatDateTime } from '../labels';

const externalLabels = {
  key: 'Key (e.g. CHG-1042)',
  title: 'Title',
  url: 'Link',
  system: 'Source system',
};

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
    ...Object.keys(externalLabels),
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
      <Typography variant="h6">Configuration items</Typography>
      {cis.length === 0 && (
        <Typography color="textSecondary">None yet.</Typography>
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
                  ? `${
                      relation.role
                    } · no longer in the catalog since ${formatDateTime(
                      relation.missingSince,
                    )}`
                  : relation.role
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
                Remove
              </Button>
            )}
          </ListItem>
        ))}
      </List>
      <Typography variant="h6">
        Changes, problems, incidents and knowledge
      </Typography>
      {others.length === 0 && (
        <Typography color="textSecondary">None yet.</Typography>
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
              secondary={[relation.kind, relation.system]
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
                Remove
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
            label="Relate"
            value={kind}
            onChange={setKind}
            margin="normal"
            options={[
              ['ci', 'Configuration item'],
              ...sameLabels(EXTERNAL_RELATION_KINDS),
            ]}
            {...fieldProps('kind')}
          />
          {kind === 'ci' ? (
            <>
              <div style={{ minWidth: 320 }}>
                <EntityPicker
                  label="Catalog entity"
                  kinds={CI_KINDS_FOR_PICKER}
                  value={entityRef}
                  onChange={setEntityRef}
                  error={errorOf('entityRef')}
                />
              </div>
              <SelectField
                id="release-role"
                label="Role"
                value={role}
                onChange={value => setRole(value as CiRole)}
                margin="normal"
                options={sameLabels(CI_ROLES)}
                {...fieldProps('role')}
              />
            </>
          ) : (
            (['key', 'title', 'url', 'system'] as const).map(field => (
              <TextField
                key={field}
                id={`release-relation-${field}`}
                label={externalLabels[field]}
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
            Add relation
          </Button>
        </div>
      )}
    </>
  );
};
