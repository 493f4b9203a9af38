import Typography from '@material-ui/core/Typography';
import { ImpactPathStep } from '@internal/plugin-release-common';
import { shortRef, useReleaseLabels } from '../labels';

/** How a change travels, e.g. "orders-db —dependencyOf→ orders-service". */
export function describePath(path: ImpactPathStep[]): string {
  if (path.length === 0) return '';
  return [
    shortRef(path[0].from),
    ...path.map(step => `—${step.relation}→ ${shortRef(step.to)}`),
  ].join(' ');
}

/** The path with the full refs in its tooltip. */
export const ImpactPathText = (props: { path: ImpactPathStep[] }) => {
  const { path } = props;
  const { t } = useReleaseLabels();
  if (path.length === 0) {
    return (
      <Typography variant="body2" component="span">
        {t('impact.relatedCi')}
      </Typography>
    );
  }
  return (
    <Typography
      variant="body2"
      component="span"
      title={[path[0].from, ...path.map(step => step.to)].join(' → ')}
    >
      {describePath(path)}
    </Typography>
  );
};
