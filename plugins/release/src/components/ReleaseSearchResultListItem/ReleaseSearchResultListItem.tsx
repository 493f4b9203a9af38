import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import {
  ResultHighlight,
  SearchDocument,
} from '@backstage/plugin-search-common';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import { ReleaseSearchDocument } from '@internal/plugin-release-common';
import { StatusChip, useReleaseLabels } from '../labels';

const useStyles = makeStyles(theme => ({
  item: { display: 'flex' },
  content: { flexWrap: 'wrap', width: '100%' },
  text: { width: '100%', marginBottom: theme.spacing(1) },
  details: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
}));

/** @public */
export type ReleaseSearchResultListItemProps = {
  icon?: ReactNode | ((result: SearchDocument) => ReactNode);
  result?: SearchDocument;
  highlight?: ResultHighlight;
  rank?: number;
  /** Lines of text shown at most. */
  lineClamp?: number;
};

/** The highlighted field when the search engine marked one, else the value. */
function Highlighted(props: {
  highlight?: ResultHighlight;
  field: 'title' | 'text';
  value: string;
}) {
  const text = props.highlight?.fields[props.field];
  return text ? (
    <HighlightedSearchResultText
      text={text}
      preTag={props.highlight!.preTag}
      postTag={props.highlight!.postTag}
    />
  ) : (
    <>{props.value}</>
  );
}

/**
 * A release in the portal's search results: number and title linking to the
 * release, its state, planned window and description.
 */
export function ReleaseSearchResultListItem(
  props: ReleaseSearchResultListItemProps,
) {
  const classes = useStyles();
  const labels = useReleaseLabels();
  const { t } = labels;
  const release = props.result as ReleaseSearchDocument | undefined;
  if (!release) return null;
  const { icon, highlight } = props;

  return (
    <div className={classes.item}>
      {icon && (
        <ListItemIcon>
          {typeof icon === 'function' ? icon(release) : icon}
        </ListItemIcon>
      )}
      <div className={classes.content}>
        <ListItemText
          className={classes.text}
          primaryTypographyProps={{ variant: 'h6' }}
          primary={
            <Link noTrack to={release.location}>
              <Highlighted
                highlight={highlight}
                field="title"
                value={release.title}
              />
            </Link>
          }
          secondary={
            <Typography
              component="span"
              variant="body2"
              color="textSecondary"
              style={{
                display: '-webkit-box',
                WebkitBoxOrient: 'vertical',
                WebkitLineClamp: props.lineClamp ?? 3,
                overflow: 'hidden',
              }}
            >
              <Highlighted
                highlight={highlight}
                field="text"
                value={release.text}
              />
            </Typography>
          }
        />
        <Box className={classes.details}>
          <StatusChip status={release.status} />
          <Typography variant="body2" component="span">
            {t('searchResult.planned', {
              window: labels.window(release.plannedStart, release.plannedEnd),
            })}
          </Typography>
          {release.closedAt && (
            <Typography variant="body2" component="span">
              {t('searchResult.closed', {
                date: labels.dateTime(release.closedAt),
              })}
            </Typography>
          )}
          <Typography variant="body2" component="span" color="textSecondary">
            {t('searchResult.details', {
              priority: labels.priority(release.priority),
              type: labels.type(release.type),
            })}
            {release.portfolioName ? ` · ${release.portfolioName}` : ''}
          </Typography>
        </Box>
      </div>
    </div>
  );
}
