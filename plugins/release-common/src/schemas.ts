import { z } from 'zod';
import { CI_KINDS, normalizeEntityRef } from './entityRefs';
import { APPROVAL_DECISIONS, READINESS_ITEMS } from './approvals';
import { MAX_IMPACT_DEPTH } from './impact';
import {
  ACTIVITY_PHASES,
  ACTIVITY_STATUSES,
  CI_ROLES,
  EXTERNAL_RELATION_KINDS,
  JUSTIFIED_ACTIONS,
  LEVELS,
  MODEL_LIFECYCLES,
  RELEASE_ACTIONS,
  RELEASE_OUTCOMES,
  RELEASE_STATUSES,
  RELEASE_TYPES,
} from './types';

/*
 * Request schemas shared by the backend (validation, 400 naming the field)
 * and the frontend (form validation). Objects are strict: an unknown field is
 * an error rather than silently dropped.
 */

function entityRef(kinds: readonly string[], defaultKind?: string) {
  const expected = kinds.length === 1 ? `a ${kinds[0]}` : kinds.join(', ');
  return z
    .string()
    .max(255)
    .transform((text, ctx) => {
      const ref = normalizeEntityRef(text, { kinds, defaultKind });
      if (!ref) {
        ctx.addIssue({
          code: 'custom',
          message: `must be an entity ref of ${expected}, e.g. ${kinds[0]}:default/name`,
        });
        return z.NEVER;
      }
      return ref;
    });
}

/** A catalog User ref; `jane` means `user:default/jane`. @public */
export const userRefSchema = entityRef(['user'], 'user');
/** A catalog Group ref; `team-a` means `group:default/team-a`. @public */
export const groupRefSchema = entityRef(['group'], 'group');
/** A configuration item: Component, API, Resource, System or Domain. @public */
export const ciRefSchema = entityRef(CI_KINDS);

const isoDateTime = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time, e.g. 2026-12-01T09:00:00Z',
});
/** A missing value says so, instead of zod's "expected string, received undefined". */
const required = {
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? 'is required' : undefined,
};
// PostgreSQL cannot store the NUL character in text; refuse it up front.
const text = () =>
  z.string(required).refine(value => !value.includes('\u0000'), {
    message: 'must not contain the NUL character',
  });
const title = text().trim().min(1, 'is required').max(200);
const longText = text().max(20_000);
const shortText = (max: number) => text().trim().max(max);
const expectedVersion = z.number(required).int().min(1);
const id = z.uuid();

const endAfterStart = <
  T extends { plannedStart?: string | null; plannedEnd?: string | null },
>(
  value: T,
  ctx: z.RefinementCtx,
) => {
  if (
    value.plannedStart &&
    value.plannedEnd &&
    Date.parse(value.plannedEnd) <= Date.parse(value.plannedStart)
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['plannedEnd'],
      message: 'must be after plannedStart',
    });
  }
};

const releaseFields = {
  title,
  description: longText,
  type: z.enum(RELEASE_TYPES, required),
  impact: z.enum(LEVELS),
  urgency: z.enum(LEVELS),
  risk: z.enum(LEVELS),
  businessJustification: longText.nullable(),
  backoutPlan: longText.nullable(),
  testEvidenceUrl: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .max(2000)
    .nullable(),
  requester: userRefSchema,
  manager: userRefSchema.nullable(),
  executorGroup: groupRefSchema.nullable(),
  portfolioId: id.nullable(),
  modelId: id.nullable(),
  versionLabel: shortText(100).nullable(),
  plannedStart: isoDateTime.nullable(),
  plannedEnd: isoDateTime.nullable(),
};

const optionalReleaseFields = z.strictObject(releaseFields).partial();

/** A configuration item named when a release is registered. @public */
export const registerCiSchema = z.strictObject({
  entityRef: ciRefSchema,
  role: z.enum(CI_ROLES),
});

/**
 * At most this many CIs in one registration; add more on the release page.
 *
 * @public
 */
export const MAX_CIS_AT_REGISTRATION = 100;

const registerCis = z
  .array(registerCiSchema)
  .max(MAX_CIS_AT_REGISTRATION)
  .superRefine((cis, ctx) => {
    const seen = new Set<string>();
    cis.forEach((ci, index) => {
      if (seen.has(ci.entityRef)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'entityRef'],
          message: `${ci.entityRef} is listed twice`,
        });
      }
      seen.add(ci.entityRef);
    });
  });

/**
 * `POST /releases`: the release and, optionally, its configuration items,
 * registered together in one transaction. @public
 */
export const registerReleaseSchema = optionalReleaseFields
  .extend({ title, type: releaseFields.type, cis: registerCis.optional() })
  .superRefine(endAfterStart);
/** @public */
export type RegisterReleaseRequest = z.input<typeof registerReleaseSchema>;

/**
 * `PATCH /releases/:id`: any editable field plus the version it edits.
 * `riskJustification` is required when `risk` differs from the level the
 * risk assessment suggests (docs/risk.md).
 *
 * @public
 */
export const editReleaseSchema = optionalReleaseFields
  .extend({ expectedVersion, riskJustification: shortText(2000).optional() })
  .superRefine(endAfterStart);
/** @public */
export type EditReleaseRequest = z.input<typeof editReleaseSchema>;

/** `POST /releases/:id/transitions`. @public */
export const transitionSchema = z.strictObject({
  action: z.enum(RELEASE_ACTIONS, required),
  expectedVersion,
  comment: shortText(5000).optional(),
  justificationId: id.optional(),
  outcome: z.enum(RELEASE_OUTCOMES).optional(),
  closureNotes: longText.optional(),
  resumeAt: isoDateTime.optional(),
  override: z.boolean().optional(),
});
/** @public */
export type TransitionRequest = z.input<typeof transitionSchema>;

const activityFields = {
  title,
  description: longText,
  assignee: userRefSchema.nullable(),
  group: groupRefSchema.nullable(),
  dueAt: isoDateTime.nullable(),
  status: z.enum(ACTIVITY_STATUSES),
  notes: longText.nullable(),
};

/** `POST /releases/:id/activities`. @public */
export const createActivitySchema = z.strictObject({
  phase: z.enum(ACTIVITY_PHASES, required),
  title: activityFields.title,
  description: activityFields.description.optional(),
  assignee: activityFields.assignee.optional(),
  group: activityFields.group.optional(),
  dueAt: activityFields.dueAt.optional(),
  /** Inserts before the activity now at this position; appends when absent. */
  position: z.number().int().min(0).optional(),
});
/** @public */
export type CreateActivityRequest = z.input<typeof createActivitySchema>;

/** `PATCH /releases/:id/activities/:activityId`. @public */
export const updateActivitySchema = z.strictObject({
  title: activityFields.title.optional(),
  description: activityFields.description.optional(),
  assignee: activityFields.assignee.optional(),
  group: activityFields.group.optional(),
  dueAt: activityFields.dueAt.optional(),
  status: activityFields.status.optional(),
  notes: activityFields.notes.optional(),
  position: z.number().int().min(0).optional(),
  expectedVersion,
});
/** @public */
export type UpdateActivityRequest = z.input<typeof updateActivitySchema>;

/** A configuration item relation. @public */
export const ciRelationSchema = z.strictObject({
  kind: z.literal('ci'),
  entityRef: ciRefSchema,
  role: z.enum(CI_ROLES),
});

/** A record in another system. @public */
export const externalRelationSchema = z.strictObject({
  kind: z.enum(EXTERNAL_RELATION_KINDS),
  key: shortText(100).min(1, 'is required'),
  title: shortText(300).min(1, 'is required'),
  url: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .max(2000)
    .optional(),
  system: shortText(100).optional(),
});

/** `POST /releases/:id/relations`. @public */
export const relationSchema = z.discriminatedUnion('kind', [
  ciRelationSchema,
  externalRelationSchema,
]);
/** @public */
export type AddRelationRequest = z.input<typeof relationSchema>;

/** `POST /releases/:id/media`: an item of definitive media. @public */
export const mediaSchema = z.strictObject({
  name: title,
  version: shortText(100).optional(),
  location: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .max(2000)
    .optional(),
  checksum: shortText(200).optional(),
});
/** @public */
export type AddMediaRequest = z.input<typeof mediaSchema>;

/** `POST /justifications`. @public */
export const justificationSchema = z.strictObject({
  name: title,
  description: longText.optional(),
  appliesTo: z
    .array(z.enum(JUSTIFIED_ACTIONS))
    .min(1, 'must name at least one action'),
  active: z.boolean().optional(),
});
/** `PATCH /justifications/:id`. @public */
export const updateJustificationSchema = justificationSchema.partial();
/** @public */
export type JustificationRequest = z.input<typeof justificationSchema>;

const activityTemplate = z.strictObject({
  title,
  description: longText.optional(),
});

/** One step of an approval policy (docs/approvals.md#policies). @public */
export const approvalStepSchema = z.strictObject({
  name: title,
  approvers: z
    .array(
      z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('group'), group: groupRefSchema }),
        z.strictObject({
          kind: z.literal('impacted-owners'),
          entityKinds: z.array(z.enum(CI_KINDS)).min(1),
          maxDistance: z.number().int().min(0).max(MAX_IMPACT_DEPTH),
        }),
        z.strictObject({ kind: z.literal('requester') }),
      ]),
    )
    .min(1, 'needs at least one source of approvers')
    .max(10),
  quorum: z.union([z.number().int().min(1).max(50), z.literal('all')]),
  condition: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('always') }),
    z.strictObject({
      kind: z.literal('risk-at-least'),
      level: z.enum(LEVELS),
    }),
    z.strictObject({
      kind: z.literal('type-is'),
      types: z.array(z.enum(RELEASE_TYPES)).min(1),
    }),
  ]),
});

/** Ordered approval steps; null leaves authorization to one action. @public */
export const approvalPolicySchema = z.strictObject({
  steps: z.array(approvalStepSchema).min(1).max(10),
});

/** `POST /releases/:id/approvals`: a decision on the current step. @public */
export const approvalDecisionSchema = z
  .strictObject({
    decision: z.enum(APPROVAL_DECISIONS, required),
    comment: shortText(5000).optional(),
    expectedVersion,
    /** The last approval authorizes: past a blackout or conflict only with this. */
    override: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.decision === 'rejected' && !value.comment) {
      ctx.addIssue({
        code: 'custom',
        path: ['comment'],
        message: 'a rejection needs a comment saying why',
      });
    }
    if (value.override && !value.comment) {
      ctx.addIssue({
        code: 'custom',
        path: ['comment'],
        message: 'an override needs a comment saying why',
      });
    }
  });
/** @public */
export type ApprovalDecisionRequest = z.input<typeof approvalDecisionSchema>;

/** `POST /portfolios`. @public */
export const portfolioSchema = z.strictObject({
  name: title,
  description: longText.optional(),
  icon: shortText(100).nullable().optional(),
  ownerGroup: groupRefSchema.nullable().optional(),
  authorizerGroup: groupRefSchema.nullable().optional(),
  approvalPolicy: approvalPolicySchema.nullable().optional(),
  emergencyApprovalPolicy: approvalPolicySchema.nullable().optional(),
});
/** `PATCH /portfolios/:id`. @public */
export const updatePortfolioSchema = portfolioSchema.partial();
/** @public */
export type PortfolioRequest = z.input<typeof portfolioSchema>;

/** `POST /portfolios/:id/models`. @public */
export const releaseModelSchema = z.strictObject({
  name: title,
  description: longText.optional(),
  category: shortText(100).nullable().optional(),
  defaultExecutorGroup: groupRefSchema.nullable().optional(),
  defaultImpact: z.enum(LEVELS).nullable().optional(),
  defaultUrgency: z.enum(LEVELS).nullable().optional(),
  lifecycle: z.enum(MODEL_LIFECYCLES).optional(),
  planningTemplates: z.array(activityTemplate).max(50).optional(),
  deploymentTemplates: z.array(activityTemplate).max(50).optional(),
  approvalPolicy: approvalPolicySchema.nullable().optional(),
  emergencyApprovalPolicy: approvalPolicySchema.nullable().optional(),
  readiness: z.array(z.enum(READINESS_ITEMS)).max(20).optional(),
  minimumLeadTimeHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 365)
    .nullable()
    .optional(),
});
/** `PATCH /portfolios/:id/models/:modelId`. @public */
export const updateReleaseModelSchema = releaseModelSchema.partial();
/** @public */
export type ReleaseModelRequest = z.input<typeof releaseModelSchema>;

// Query strings: a repeated parameter arrives as an array, a single one as a
// string.
const repeatable = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess(
    value => (value === undefined || Array.isArray(value) ? value : [value]),
    z.array(item).optional(),
  );
const booleanFlag = z
  .enum(['true', 'false'])
  .transform(value => value === 'true')
  .optional();

/** Columns the desktop and the search sort by. @public */
export const RELEASE_SORT_COLUMNS = [
  'number',
  'title',
  'status',
  'priority',
  'type',
  'plannedStart',
  'plannedEnd',
  'createdAt',
  'updatedAt',
  'closedAt',
] as const;

const paging = {
  orderBy: z.enum(RELEASE_SORT_COLUMNS).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

/** `GET /releases` (the desktop). @public */
export const releaseListQuerySchema = z.strictObject({
  q: shortText(200).optional(),
  status: repeatable(z.enum(RELEASE_STATUSES)),
  portfolioId: id.optional(),
  type: repeatable(z.enum(RELEASE_TYPES)),
  priority: repeatable(z.coerce.number().int().min(1).max(5)),
  manager: userRefSchema.optional(),
  executorGroup: repeatable(groupRefSchema),
  assignedTo: userRefSchema.optional(),
  entityRef: ciRefSchema.optional(),
  /** With `entityRef`: also releases whose impact reaches the entity. */
  includeImpacted: booleanFlag,
  plannedFrom: isoDateTime.optional(),
  plannedTo: isoDateTime.optional(),
  /** `me`: releases whose current approval step the caller may decide. */
  awaitingApprovalBy: z.literal('me').optional(),
  ...paging,
});
/** @public */
export type ReleaseListQuery = z.output<typeof releaseListQuerySchema>;

/** `GET /search/closed` (advanced search of closed releases). @public */
export const closedSearchQuerySchema = z.strictObject({
  q: shortText(200).optional(),
  includeCancelled: booleanFlag,
  openedFrom: isoDateTime.optional(),
  openedTo: isoDateTime.optional(),
  closedFrom: isoDateTime.optional(),
  closedTo: isoDateTime.optional(),
  outcome: repeatable(z.enum(RELEASE_OUTCOMES)),
  type: repeatable(z.enum(RELEASE_TYPES)),
  priority: repeatable(z.coerce.number().int().min(1).max(5)),
  portfolioId: id.optional(),
  requester: userRefSchema.optional(),
  manager: userRefSchema.optional(),
  executorGroup: groupRefSchema.optional(),
  entityRef: ciRefSchema.optional(),
  justificationId: id.optional(),
  externalKey: shortText(100).optional(),
  format: z.enum(['json', 'csv']).optional(),
  /** The language of the CSV header row; values stay machine-readable. */
  language: z.enum(['en', 'pt-BR']).optional(),
  ...paging,
});
/** @public */
export type ClosedSearchQuery = z.output<typeof closedSearchQuerySchema>;

/**
 * `GET /search/documents`: a page of releases for the search index, after
 * the previous page's `nextCursor`.
 *
 * @public
 */
export const searchDocumentsQuerySchema = z.strictObject({
  after: z
    .string()
    .regex(/^\d{1,15}$/, 'must be the nextCursor of the previous page')
    .transform(Number)
    .optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

/** `GET /releases/:id/impact`. @public */
export const impactQuerySchema = z.strictObject({
  depth: z.coerce.number().int().min(0).max(MAX_IMPACT_DEPTH).optional(),
});

/** `GET /blackouts`: occurrences between `from` and `to`. @public */
export const blackoutQuerySchema = z
  .strictObject({
    from: isoDateTime.optional(),
    to: isoDateTime.optional(),
  })
  .refine(q => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    message: 'must be after from',
    path: ['to'],
  });

/** `GET /entity-overview`. @public */
export const entityOverviewQuerySchema = z.strictObject({
  entityRef: ciRefSchema,
});
