import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  Justification,
  ReleaseHistoryEntry,
} from '@internal/plugin-release-common';
import { formatDateTime, shortRef, statusLabels } from '../labels';

function describe(entry: ReleaseHistoryEntry): string {
  if (entry.kind === 'transition' && entry.fromStatus && entry.toStatus) {
    return `${entry.action}: ${statusLabels[entry.fromStatus]} → ${
      statusLabels[entry.toStatus]
    }`;
  }
  if (entry.kind === 'created') return 'Registered';
  return entry.action ?? entry.kind;
}

function changesText(entry: ReleaseHistoryEntry): string {
  return Object.entries(entry.changes)
    .map(
      ([field, change]) =>
        `${field}: ${String(change.before ?? '—')} → ${String(
          change.after ?? '—',
        )}`,
    )
    .join('; ');
}

/** Every change to the release, oldest first (docs/process.md#history). */
export const HistoryTimeline = (props: {
  entries: ReleaseHistoryEntry[];
  justifications: Justification[];
}) => {
  const reasons = Object.fromEntries(
    props.justifications.map(j => [j.id, j.name]),
  );
  return (
    <List dense aria-label="History">
      {props.entries.map(entry => (
        <ListItem key={entry.id} divider>
          <ListItemText
            primary={`${describe(entry)} · ${shortRef(entry.actor)}`}
            // The details are paragraphs of their own, so not inside a <p>.
            secondaryTypographyProps={{ component: 'div' }}
            secondary={
              <>
                <Typography variant="caption" display="block">
                  {formatDateTime(entry.at)}
                </Typography>
                {entry.justificationId && (
                  <Typography variant="body2" display="block">
                    Justification:{' '}
                    {reasons[entry.justificationId] ?? entry.justificationId}
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
                    {changesText(entry)}
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
