import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  Justification,
  RELEASE_ACTIONS,
  ReleaseAction,
  ReleaseHistoryEntry,
} from '@internal/plugin-release-common';
import { releaseLabels, ReleaseT, shortRef, useReleaseLabels } from '../labels';
import { changesText } from './historyChanges';

/** What the backend records besides workflow actions (docs/process.md#history). */
const otherActions = [
  'edit',
  'activity-added',
  'activity-removed',
  'activity-updated',
  'relation-added',
  'relation-removed',
  'risk-assessed',
] as const;

const isOneOf = <T extends string>(
  values: readonly T[],
  value: string | null,
): value is T => (values as readonly (string | null)[]).includes(value);

function describe(entry: ReleaseHistoryEntry, t: ReleaseT): string {
  const labels = releaseLabels(t);
  const action = (value: ReleaseAction | string | null) =>
    isOneOf(RELEASE_ACTIONS, value) ? labels.action(value) : value ?? '';
  if (entry.kind === 'transition' && entry.fromStatus && entry.toStatus) {
    return t('history.transition', {
      action: action(entry.action),
      from: labels.status(entry.fromStatus),
      to: labels.status(entry.toStatus),
    });
  }
  if (entry.kind === 'created') return t('history.registered');
  if (isOneOf(otherActions, entry.action)) return t(`history.${entry.action}`);
  return action(entry.action) || entry.kind;
}

/** Every change to the release, oldest first (docs/process.md#history). */
export const HistoryTimeline = (props: {
  entries: ReleaseHistoryEntry[];
  justifications: Justification[];
}) => {
  const labels = useReleaseLabels();
  const { t } = labels;
  const reasons = Object.fromEntries(
    props.justifications.map(j => [j.id, j.name]),
  );
  return (
    <List dense aria-label={t('history.label')}>
      {props.entries.map(entry => (
        <ListItem key={entry.id} divider>
          <ListItemText
            primary={`${describe(entry, t)} · ${shortRef(entry.actor)}`}
            // The details are paragraphs of their own, so not inside a <p>.
            secondaryTypographyProps={{ component: 'div' }}
            secondary={
              <>
                <Typography variant="caption" display="block">
                  {labels.dateTime(entry.at)} · {labels.relative(entry.at)}
                </Typography>
                {entry.justificationId && (
                  <Typography variant="body2" display="block">
                    {t('history.justification', {
                      reason:
                        reasons[entry.justificationId] ?? entry.justificationId,
                    })}
                  </Typography>
                )}
                {entry.comment && (
                  <Typography variant="body2" display="block">
                    “{entry.comment}”
                  </Typography>
                )}
                {Object.keys(entry.changes).length > 0 && (
                  <Typography
                    variant="caption"
                    display="block"
                    color="textSecondary"
                  >
                    {changesText(labels, entry.changes)}
                  </Typography>
                )}
              </>
            }
          />
        </ListItem>
      ))}
    </List>
  );
};
