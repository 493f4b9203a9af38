import type { ReleaseT } from './useReleaseLabels';

/*
 * The labels of request and history fields (docs/fields.md), as the forms
 * show them, so a field error or a change in the history names the field
 * in the user's language rather than by its name in the API.
 */
const labelOf: Record<string, (t: ReleaseT) => string> = {
  number: t => t('field.number'),
  title: t => t('field.title'),
  name: t => t('portfolios.name'),
  description: t => t('field.description'),
  status: t => t('field.status'),
  type: t => t('field.type'),
  impact: t => t('field.impact'),
  urgency: t => t('field.urgency'),
  risk: t => t('field.risk'),
  riskJustification: t => t('field.riskJustification'),
  priority: t => t('field.priority'),
  businessJustification: t => t('field.businessJustification'),
  requester: t => t('field.requester'),
  manager: t => t('field.manager'),
  executorGroup: t => t('field.executorGroup'),
  portfolioId: t => t('field.portfolio'),
  modelId: t => t('field.releaseModel'),
  versionLabel: t => t('field.version'),
  plannedStart: t => t('field.plannedStart'),
  plannedEnd: t => t('field.plannedEnd'),
  cis: t => t('field.configurationItems'),
  justificationId: t => t('field.justification'),
  outcome: t => t('field.outcome'),
  closureNotes: t => t('transition.closureNotes'),
  resumeAt: t => t('transition.resumeAt'),
  comment: t => t('transition.comment'),
  assignee: t => t('activities.assignee'),
  group: t => t('field.group'),
  dueAt: t => t('activities.due'),
  notes: t => t('activities.notes'),
  position: t => t('field.position'),
  phase: t => t('field.phase'),
  relation: t => t('field.relation'),
  kind: t => t('field.type'),
  entityRef: t => t('relations.catalogEntity'),
  role: t => t('relations.role'),
  key: t => t('relations.key'),
  url: t => t('relations.url'),
  system: t => t('relations.system'),
  appliesTo: t => t('justifications.appliesTo'),
  ownerGroup: t => t('portfolios.ownerGroup'),
  authorizerGroup: t => t('portfolios.authorizerGroup'),
  category: t => t('portfolios.category'),
  lifecycle: t => t('portfolios.lifecycle'),
  defaultExecutorGroup: t => t('modelDialog.defaultExecutorGroup'),
  defaultImpact: t => t('modelDialog.defaultImpact'),
  defaultUrgency: t => t('modelDialog.defaultUrgency'),
  planningTemplates: t => t('modelDialog.planning'),
  deploymentTemplates: t => t('modelDialog.deployment'),
};

/**
 * A field's label: `plannedStart` reads "Planned start". A path such as
 * `cis.1.entityRef` reads as its top-level field; a history key of an
 * activity (`<title>.status`, `activity:<title>`) names the activity. An
 * unknown field keeps its name.
 */
export function fieldLabel(t: ReleaseT, field: string): string {
  const known = labelOf[field] ?? labelOf[field.split('.')[0]];
  if (known) return known(t);
  if (field.startsWith('activity:')) {
    return t('field.activityNamed', { title: field.slice('activity:'.length) });
  }
  // An activity's title may hold dots; its field is after the last one.
  const dot = field.lastIndexOf('.');
  const inner = labelOf[field.slice(dot + 1)];
  if (dot > 0 && inner) {
    return t('field.activityField', {
      title: field.slice(0, dot),
      field: inner(t),
    });
  }
  return field;
}
