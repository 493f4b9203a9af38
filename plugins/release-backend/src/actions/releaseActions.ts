import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  DELIVERY_LEVELS,
  deliveryMetricsQuerySchema,
  METRICS_BUCKETS,
  RELEASE_ACTIONS,
  RELEASE_STATUSES,
  registerReleaseSchema,
  transitionSchema,
  RELEASE_TYPES,
  ReleaseDetails,
  ReleaseListItem,
} from '@internal/plugin-release-common';
import { ReleaseServices } from '../service';
import { registrySchema } from './registrySchema';

/** The fields a model needs to talk about a release. */
function summary(release: ReleaseListItem | ReleaseDetails) {
  return {
    id: release.id,
    number: release.number,
    title: release.title,
    status: release.status,
    priority: release.priority,
    type: release.type,
    manager: release.manager,
    executorGroup: release.executorGroup,
    plannedStart: release.plannedStart,
    plannedEnd: release.plannedEnd,
    version: release.version,
    allowedActions: release.allowedActions,
  };
}

/**
 * Release management as actions for AI agents and other tools (the actions
 * registry, served over MCP). Each runs as the calling user, through the
 * same use cases and permission checks as the HTTP API.
 */
export function registerReleaseActions(
  registry: ActionsRegistryService,
  services: ReleaseServices,
) {
  const releaseSummary = (z: any) =>
    z.object({
      id: z.string(),
      number: z.string(),
      title: z.string(),
      status: z.enum(RELEASE_STATUSES),
      priority: z.number(),
      type: z.enum(RELEASE_TYPES),
      manager: z.string().nullable(),
      executorGroup: z.string().nullable(),
      plannedStart: z.string().nullable(),
      plannedEnd: z.string().nullable(),
      version: z.number(),
      allowedActions: z.array(z.enum(RELEASE_ACTIONS)),
    });

  registry.register({
    name: 'list-releases',
    title: 'List releases',
    description:
      'Lists releases (ITIL release management: significant changes to catalog entities) the caller may see, newest planned window first. ' +
      'Without `status` it returns the open ones (registered, planning, authorized, deployment, executed, suspended). ' +
      'Give `entityRef` (e.g. "component:default/orders-service") to get the releases that change that catalog entity, and `includeImpacted: true` to add those that reach it through dependencies.',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          status: z
            .array(z.enum(RELEASE_STATUSES))
            .optional()
            .describe('Only releases in these states'),
          text: z
            .string()
            .max(200)
            .optional()
            .describe('Words in the number, title or description'),
          entityRef: z
            .string()
            .optional()
            .describe('A catalog entity ref, kind:namespace/name'),
          includeImpacted: z
            .boolean()
            .optional()
            .describe(
              'With entityRef: also releases reaching it through impact',
            ),
          limit: z.number().int().min(1).max(100).optional(),
        }),
      output: z =>
        z.object({
          totalCount: z.number(),
          releases: z.array(releaseSummary(z)),
        }),
    },
    action: async ({ input, credentials }) => {
      const list = await services.releases.list(
        {
          status: input.status,
          q: input.text,
          entityRef: input.entityRef,
          includeImpacted:
            input.includeImpacted === undefined
              ? undefined
              : String(input.includeImpacted),
          limit: input.limit ?? 20,
          orderBy: 'plannedStart',
        },
        credentials,
      );
      return {
        output: {
          totalCount: list.totalCount,
          releases: list.items.map(summary),
        },
      };
    },
  });

  registry.register({
    name: 'get-release',
    title: 'Get a release',
    description:
      'Returns one release by its id (from list-releases): its record, planning and deployment activities, related catalog entities (CIs) and records in other systems, its explained risk assessment, its approval round, and the workflow actions the caller may take now.',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z => z.object({ id: z.string().describe('The release id') }),
      output: z =>
        releaseSummary(z).extend({
          description: z.string(),
          activities: z.array(
            z.object({
              id: z.string(),
              phase: z.string(),
              title: z.string(),
              status: z.string(),
              assignee: z.string().nullable(),
            }),
          ),
          cis: z.array(z.object({ entityRef: z.string(), role: z.string() })),
          risk: z
            .object({
              level: z.string(),
              suggestedLevel: z.string(),
              score: z.number(),
              overrideJustification: z.string().nullable(),
              factors: z.array(
                z.object({
                  factor: z.string(),
                  value: z.number(),
                  points: z.number(),
                  subjects: z.array(z.string()),
                }),
              ),
            })
            .describe(
              'The explained risk assessment (read only: a manager changes the level on the release page)',
            ),
          approvals: z
            .object({
              round: z.number(),
              status: z.string(),
              currentStep: z.number().nullable(),
              steps: z.array(
                z.object({
                  position: z.number(),
                  name: z.string(),
                  status: z.string(),
                  approvers: z.array(z.string()),
                  decisions: z.array(
                    z.object({
                      approver: z.string(),
                      decision: z.string(),
                      comment: z.string().nullable(),
                      decidedAt: z.string(),
                    }),
                  ),
                }),
              ),
            })
            .describe(
              'The approval round (read only: approvers decide on the release page, never through these actions)',
            ),
        }),
    },
    action: async ({ input, credentials }) => {
      const release = await services.releases.get(input.id, credentials);
      const { riskAssessment: risk } = release;
      return {
        output: {
          ...summary(release),
          description: release.description,
          activities: release.activities.map(a => ({
            id: a.id,
            phase: a.phase,
            title: a.title,
            status: a.status,
            assignee: a.assignee,
          })),
          cis: release.relations.flatMap(r =>
            r.kind === 'ci' ? [{ entityRef: r.entityRef, role: r.role }] : [],
          ),
          risk: {
            level: risk.level,
            suggestedLevel: risk.suggestedLevel,
            score: risk.score,
            overrideJustification: risk.override?.justification ?? null,
            factors: risk.factors,
          },
          approvals: {
            round: release.approvals.round,
            status: release.approvals.status,
            currentStep: release.approvals.currentStep,
            steps: release.approvals.steps.map(step => ({
              position: step.position,
              name: step.name,
              status: step.status,
              approvers: step.approvers,
              decisions: step.decisions.map(d => ({
                approver: d.approver,
                decision: d.decision,
                comment: d.comment,
                decidedAt: d.decidedAt,
              })),
            })),
          },
        },
      };
    },
  });

  registry.register({
    name: 'register-release',
    title: 'Register a release',
    description:
      'Registers a new release (state "registered") requested by the caller, and relates the given catalog entities to it as configuration items. ' +
      'Priority follows from impact and urgency. Planned start and end are ISO 8601 date-times.',
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        registrySchema(z, registerReleaseSchema, {
          title: 'What the release delivers',
          type: 'major, minor, emergency or standard',
          impact: 'With urgency, gives the ITIL priority',
          plannedStart: 'Start of the planned window',
          plannedEnd: 'End of the planned window, after its start',
          cis: 'Catalog entities the release changes (entity ref and role), registered with it in one step',
        }),
      output: z => releaseSummary(z),
    },
    action: async ({ input, credentials }) => {
      const release = await services.releases.register(input, credentials);
      return { output: summary(release) };
    },
  });

  registry.register({
    name: 'transition-release',
    title: 'Move a release through its workflow',
    description:
      'Takes a workflow action on a release: plan, authorize, replan, deploy, execute, rework, close, suspend, resume, cancel or reopen. ' +
      'Pass the version from get-release as expectedVersion; a stale version is refused. suspend, cancel and reopen need a justificationId from the justification catalogue; ' +
      'close needs an outcome; replan and rework need a comment. Cancel ends the release.',
    attributes: { readOnly: false, destructive: true, idempotent: false },
    schema: {
      input: z =>
        registrySchema(z, transitionSchema, {
          expectedVersion:
            'The version from get-release; a stale one is refused',
          justificationId:
            'For suspend, cancel and reopen: a reason from the justification catalogue',
        }).extend({ id: z.string().describe('The release id') }),
      output: z => releaseSummary(z),
    },
    action: async ({ input, credentials }) => {
      const { id, ...body } = input;
      const release = await services.transitions.transition(
        String(id),
        body,
        credentials,
      );
      return { output: summary(release) };
    },
  });

  registry.register({
    name: 'release-impact',
    title: 'Impact of a release',
    description:
      'Lists the catalog entities a release reaches from its configuration items (who depends on them, the systems and domains they are part of, the consumers of their APIs), each with its distance and the path of catalog relations that reaches it.',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          id: z.string(),
          depth: z.number().int().min(0).max(8).optional(),
        }),
      output: z =>
        z.object({
          entities: z.array(
            z.object({
              entityRef: z.string(),
              kind: z.string(),
              title: z.string(),
              owner: z.string().nullable(),
              distance: z.number(),
              path: z.string(),
            }),
          ),
          missing: z.array(z.string()),
        }),
    },
    action: async ({ input, credentials }) => {
      const impact = await services.impact.analyse(
        input.id,
        input.depth === undefined ? {} : { depth: String(input.depth) },
        credentials,
      );
      return {
        output: {
          entities: impact.entities.map(entity => ({
            entityRef: entity.entityRef,
            kind: entity.kind,
            title: entity.title,
            owner: entity.owner,
            distance: entity.distance,
            path: [
              entity.via,
              ...entity.path.map(step => `-${step.relation}-> ${step.to}`),
            ].join(' '),
          })),
          missing: impact.missing,
        },
      };
    },
  });

  const figures = (z: any) =>
    z.object({
      executed: z.number(),
      releasesPerWeek: z.number(),
      medianIntervalHours: z.number().nullable(),
      leadTimeHours: z.object({
        median: z.number().nullable(),
        p90: z.number().nullable(),
      }),
      windowSlipHours: z.object({ median: z.number().nullable() }),
      closed: z.number(),
      failed: z.number(),
      changeFailureRate: z.number().nullable(),
      recovered: z.number(),
      recoveryHours: z.object({ median: z.number().nullable() }),
      reworked: z.number(),
      reworkRate: z.number().nullable(),
    });
  const level = (z: any) => z.enum(DELIVERY_LEVELS).nullable();

  registry.register({
    name: 'release-delivery-metrics',
    title: 'Delivery figures',
    description:
      'Delivery figures from the release record, DORA style, over a period (default: the last twelve months) and per week or month: ' +
      'releases executed per week and the median interval between them, lead time from registration to the end of deployment (median, p90), ' +
      'change failure rate, time to recover from a failed release, rework rate (emergencies and releases related to incidents), ' +
      'each headline figure placed in a DORA level (elite, high, medium, low). Durations are in hours, rates are shares from 0 to 1, null means nothing to measure. ' +
      'Give at most one scope: portfolioId, entityRef (a catalog entity; a system counts its components, a domain its systems) or executorGroup. ' +
      'Only the releases the caller may see are counted.',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        registrySchema(z, deliveryMetricsQuerySchema, {
          portfolioId: 'A portfolio id',
          entityRef:
            'A catalog entity, kind:namespace/name; counts the releases of what is part of it too',
          executorGroup: 'A group ref, e.g. group:default/payments-team',
          from: 'Start of the period; default twelve months before to',
          to: 'End of the period; default now',
          bucket: `The trend's periods: ${METRICS_BUCKETS.join(
            ' or ',
          )} (default month)`,
        }).omit({ format: true, language: true }),
      output: z =>
        z.object({
          from: z.string(),
          to: z.string(),
          summary: figures(z),
          levels: z.object({
            frequency: level(z),
            leadTime: level(z),
            changeFailureRate: level(z),
            recoveryTime: level(z),
          }),
          buckets: z.array(
            figures(z).extend({ start: z.string(), end: z.string() }),
          ),
          unrecovered: z.array(
            z.object({
              id: z.string(),
              number: z.string(),
              title: z.string(),
              failedAt: z.string(),
              ageHours: z.number(),
            }),
          ),
          unrecoveredTotal: z.number(),
        }),
    },
    action: async ({ input, credentials }) => {
      const metrics = await services.metrics.metrics(input, credentials);
      return {
        output: {
          from: metrics.from,
          to: metrics.to,
          summary: metrics.summary,
          levels: metrics.levels,
          buckets: metrics.buckets,
          unrecovered: metrics.unrecovered,
          unrecoveredTotal: metrics.unrecoveredTotal,
        },
      };
    },
  });
}
