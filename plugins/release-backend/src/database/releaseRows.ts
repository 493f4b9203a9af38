import {
  RELEASE_LONG_TEXT_FIELDS,
  ReleaseSummary,
  formatReleaseNumber,
  Priority,
  Release,
  ReleaseOutcome,
  ReleaseStatus,
} from '@internal/plugin-release-common';
import { toDate, toIso } from './dates';

/** A row of `releases`. */
export type ReleaseRow = {
  id: string;
  number: number;
  title: string;
  description: string;
  type: string;
  impact: string;
  urgency: string;
  priority: number;
  risk: string;
  business_justification: string | null;
  backout_plan: string | null;
  test_evidence_url: string | null;
  requester: string;
  manager: string | null;
  executor_group: string | null;
  portfolio_id: string | null;
  model_id: string | null;
  version_label: string | null;
  planned_start: unknown;
  planned_end: unknown;
  actual_start: unknown;
  actual_end: unknown;
  outcome: string | null;
  closure_notes: string | null;
  status: string;
  suspended_from: string | null;
  resume_at: unknown;
  rework_count: number;
  reopen_count: number;
  created_by: string;
  created_at: unknown;
  updated_at: unknown;
  closed_at: unknown;
  version: number;
};

/** Release fields and the columns that hold them. */
export const releaseColumns = {
  title: 'title',
  description: 'description',
  type: 'type',
  impact: 'impact',
  urgency: 'urgency',
  priority: 'priority',
  risk: 'risk',
  businessJustification: 'business_justification',
  backoutPlan: 'backout_plan',
  testEvidenceUrl: 'test_evidence_url',
  requester: 'requester',
  manager: 'manager',
  executorGroup: 'executor_group',
  portfolioId: 'portfolio_id',
  modelId: 'model_id',
  versionLabel: 'version_label',
  plannedStart: 'planned_start',
  plannedEnd: 'planned_end',
  actualStart: 'actual_start',
  actualEnd: 'actual_end',
  outcome: 'outcome',
  closureNotes: 'closure_notes',
  status: 'status',
  suspendedFrom: 'suspended_from',
  resumeAt: 'resume_at',
  reworkCount: 'rework_count',
  reopenCount: 'reopen_count',
  closedAt: 'closed_at',
} as const;

const dateFields = new Set([
  'plannedStart',
  'plannedEnd',
  'actualStart',
  'actualEnd',
  'resumeAt',
  'closedAt',
]);

/** The columns of a release row that lists read: all but the long texts. */
export const releaseSummaryColumns = [
  'id',
  'number',
  'created_by',
  'created_at',
  'updated_at',
  'version',
  ...Object.entries(releaseColumns)
    .filter(
      ([field]) =>
        !(RELEASE_LONG_TEXT_FIELDS as readonly string[]).includes(field),
    )
    .map(([, column]) => column),
].map(column => `releases.${column}`);

/** A release of a list, from a row of {@link releaseSummaryColumns}. */
export function releaseSummaryFromRow(row: ReleaseRow): ReleaseSummary {
  const {
    description: _d,
    businessJustification: _b,
    backoutPlan: _p,
    closureNotes: _c,
    ...summary
  } = releaseFromRow(row);
  return summary;
}

export function releaseFromRow(row: ReleaseRow): Release {
  return {
    id: row.id,
    number: formatReleaseNumber(Number(row.number)),
    title: row.title,
    description: row.description,
    type: row.type as Release['type'],
    impact: row.impact as Release['impact'],
    urgency: row.urgency as Release['urgency'],
    priority: Number(row.priority) as Priority,
    risk: row.risk as Release['risk'],
    businessJustification: row.business_justification,
    backoutPlan: row.backout_plan ?? null,
    testEvidenceUrl: row.test_evidence_url ?? null,
    requester: row.requester,
    manager: row.manager,
    executorGroup: row.executor_group,
    portfolioId: row.portfolio_id,
    modelId: row.model_id,
    versionLabel: row.version_label,
    plannedStart: toIso(row.planned_start),
    plannedEnd: toIso(row.planned_end),
    actualStart: toIso(row.actual_start),
    actualEnd: toIso(row.actual_end),
    outcome: row.outcome as ReleaseOutcome | null,
    closureNotes: row.closure_notes,
    status: row.status as ReleaseStatus,
    suspendedFrom: row.suspended_from as ReleaseStatus | null,
    resumeAt: toIso(row.resume_at),
    reworkCount: Number(row.rework_count),
    reopenCount: Number(row.reopen_count),
    createdBy: row.created_by,
    createdAt: toIso(row.created_at)!,
    updatedAt: toIso(row.updated_at)!,
    closedAt: toIso(row.closed_at),
    version: Number(row.version),
  };
}

/** The columns to write for a set of changed release fields. */
export function releaseChangesToRow(
  changes: Partial<Release>,
): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(releaseColumns)) {
    if (field in changes) {
      const value = (changes as Record<string, unknown>)[field];
      row[column] = dateFields.has(field)
        ? toDate(value as string | null)
        : value;
    }
  }
  return row;
}
