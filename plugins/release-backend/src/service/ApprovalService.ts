import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError, NotAllowedError } from '@backstage/errors';
import {
  approvalDecisionSchema,
  ReadinessItem,
  releaseApprovePermission,
  ReleaseDetails,
  releaseOverridePermission,
  TransitionInput,
} from '@internal/plugin-release-common';
import { randomUUID } from 'node:crypto';
import { advanceRound } from '../approvals/advanceRound';
import { withdrawRound } from '../approvals/withdrawRound';
import { readinessOf } from '../approvals/readinessFacts';
import { separationOfDutiesBlocks } from '../approvals/separationOfDuties';
import {
  approvalRequestOf,
  Committed,
  ReleaseChange,
} from '../changes/ReleaseChange';
import {
  ApprovalRound,
  currentApproversOf,
  NewDecision,
  StoredStep,
} from '../database/ApprovalRepository';
import { ReleaseRepositories } from '../database/ReleaseStore';
import { ReleasePermissionResource } from '../permissions';
import { actorOf, userRefOf } from './audit';
import {
  ownershipRefsOf,
  policyOf,
  resolveRoundSteps,
} from './approvalPolicies';
import { ImpactService } from './ImpactService';
import { parseInput } from './parseInput';
import { staleVersion } from './ReleaseService';
import {
  loadReadableRelease,
  readReleaseParts,
  releaseDetails,
  ServiceContext,
} from './ServiceContext';
import { checkTransitionGuards } from './transitionGuards';
import { checkWindow } from './windowCheck';

const readinessNames: Record<ReadinessItem, string> = {
  'deployment-activities': 'a deployment activity',
  'backout-plan': 'a backout plan',
  'test-evidence': 'a link to the test evidence',
  'definitive-media': 'a definitive media item',
  'knowledge-article': 'a related knowledge article',
  'change-record': 'a related change record',
};

/** A 409 naming each readiness item missing, as data too. */
class NotReadyError extends ConflictError {
  readonly details: Array<{ field: ReadinessItem; message: string }>;

  constructor(number: string, missing: ReadinessItem[]) {
    super(
      `Cannot request authorization of ${number}: missing ${missing
        .map(item => `${item} (${readinessNames[item]})`)
        .join(', ')}`,
    );
    this.details = missing.map(item => ({
      field: item,
      message: `${readinessNames[item]} is required`,
    }));
  }
}

/** The round's steps as the history shows them. */
function stepsForHistory(steps: StoredStep[]) {
  return steps.map(step => ({
    position: step.position,
    name: step.name,
    status: step.status,
    approvers: step.approvers,
    ...(step.fallbackReason ? { fallbackReason: step.fallbackReason } : {}),
    ...(step.notRequiredBecause
      ? { notRequiredBecause: step.notRequiredBecause }
      : {}),
  }));
}

/**
 * The approval round (docs/approvals.md): requesting authorization and
 * deciding its steps.
 */
export class ApprovalService {
  constructor(
    private readonly context: ServiceContext,
    private readonly impact: ImpactService,
  ) {}

  /** `authorize` is refused where a policy applies: its round authorizes. */
  async refuseAuthorizeUnderPolicy(release: ReleasePermissionResource) {
    const { policy } = await policyOf(this.context.store, release);
    if (policy) {
      throw new ConflictError(
        `${release.number} is authorized through an approval round: ` +
          'send request-authorization instead of authorize',
      );
    }
  }

  /**
   * Ends the round of a release being cancelled while it awaits approval,
   * in the cancellation's transaction: its approvers are asked no more.
   */
  async withdrawRound(tx: ReleaseRepositories, releaseId: string) {
    const round = await tx.approvals.getRound(releaseId);
    if (round.status === 'awaiting') {
      await tx.approvals.writeRound(releaseId, withdrawRound(round));
    }
  }

  /**
   * `request-authorization`, inside the transition's audit event, on the
   * release as read at the version the caller sent: checks what authorize
   * checks and the model's readiness, resolves the steps and starts the
   * round; with no step applying, authorizes at once.
   */
  async request(
    release: ReleasePermissionResource,
    input: TransitionInput,
    credentials: BackstageCredentials,
  ): Promise<Committed<ReleasePermissionResource>> {
    const { store, changes, now } = this.context;
    const policy = await policyOf(store, release);
    if (!policy.policy) {
      throw new ConflictError(
        `${release.number}'s portfolio authorizes in one action: ` +
          'send authorize, no approval round applies',
      );
    }
    await checkTransitionGuards(
      this.context,
      store,
      release,
      'request-authorization',
      input,
    );
    const missing = readinessOf(
      policy.model?.readiness ?? [],
      release,
      await readReleaseParts(this.context, release.id),
    )
      .filter(check => !check.present)
      .map(check => check.item);
    if (missing.length > 0) {
      throw new NotReadyError(release.number, missing);
    }
    // Owners are read from the index as today's catalog has it.
    await this.impact.refreshQuietly(release.id);
    const steps = await resolveRoundSteps(this.context, store, release, policy);
    const current = steps.find(step => step.status === 'current');
    const overridden = current
      ? null
      : await checkWindow(this.impact, release, input.override ?? false);
    const before = await store.approvals.getRound(release.id);
    const at = now();
    const round: ApprovalRound = {
      round: before.round + 1,
      status: current ? 'awaiting' : 'approved',
      currentStep: current?.position ?? null,
      requestedBy: actorOf(credentials),
      requestedAt: at.toISOString(),
      steps,
    };
    const status = current ? 'awaiting-approval' : 'authorized';
    const comment = [
      input.comment ?? null,
      current ? null : 'no approval step applies: authorized at once',
      overridden ? `[override: ${overridden}]` : null,
    ]
      .filter(Boolean)
      .join(' ');
    return changes.transaction(async tx => {
      const updated = await tx.releases.update(
        release.id,
        release.version,
        { status },
        at,
      );
      if (!updated) {
        throw staleVersion(release, release.version);
      }
      await tx.approvals.writeRound(release.id, round);
      await tx.history.append({
        releaseId: release.id,
        at,
        actor: actorOf(credentials),
        kind: 'transition',
        action: 'request-authorization',
        fromStatus: release.status,
        toStatus: status,
        changes: {
          approvalRound: { before: before.round, after: round.round },
          approvalSteps: { before: null, after: stepsForHistory(steps) },
        },
        justificationId: null,
        comment: comment || null,
      });
      return {
        result: resourceOf(release, updated, round),
        change: {
          kind: 'transitioned',
          release: updated,
          action: current ? 'request-authorization' : 'authorize',
          fromStatus: release.status,
          toStatus: status,
          automatic: false,
          approvalRequested: current && approvalRequestOf(current),
        },
      };
    });
  }

  /** `POST /releases/:id/approvals`: one person's decision on the current step. */
  async decide(
    id: string,
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<ReleaseDetails> {
    const input = parseInput(approvalDecisionSchema, body);
    const { store, authorizer, changes, now } = this.context;
    const release = await loadReadableRelease(
      this.context,
      store,
      id,
      credentials,
    );
    await authorizer.requireOn(releaseApprovePermission, release, credentials);
    if (input.override) {
      await authorizer.requireOn(
        releaseOverridePermission,
        release,
        credentials,
      );
    }
    return changes.run(
      {
        eventId: 'release-approval',
        credentials,
        meta: {
          releaseId: id,
          number: release.number,
          decision: input.decision,
        },
        severityLevel: 'high',
      },
      async () => {
        if (release.version !== input.expectedVersion) {
          throw staleVersion(release, input.expectedVersion);
        }
        const round = await store.approvals.getRound(id);
        if (
          release.status !== 'awaiting-approval' ||
          round.status !== 'awaiting' ||
          round.currentStep === null
        ) {
          throw new ConflictError(
            `${release.number} is ${release.status}: it awaits no approval`,
          );
        }
        const step = round.steps[round.currentStep - 1];
        const user = userRefOf(credentials);
        const refs = await ownershipRefsOf(this.context, credentials);
        const onBehalfOf = step.approvers.filter(ref => refs.includes(ref));
        if (!user || onBehalfOf.length === 0) {
          throw new NotAllowedError(
            `You are not an approver of step ${step.position} "${step.name}" of ${release.number}`,
          );
        }
        const blocked = separationOfDutiesBlocks(
          release,
          user,
          this.context.approvals?.separationOfDuties ?? true,
        );
        if (blocked) {
          throw new NotAllowedError(`You may not decide: ${blocked}`);
        }
        const stepDecisions = (
          await store.approvals.decisions(id, round.round)
        ).filter(decision => decision.step === step.position);
        if (stepDecisions.some(decision => decision.approver === user)) {
          throw new ConflictError(
            `You already decided step ${step.position} "${step.name}" of ${release.number}`,
          );
        }
        const at = now();
        const decision: NewDecision = {
          id: randomUUID(),
          round: round.round,
          step: step.position,
          approver: user,
          onBehalfOf,
          decision: input.decision,
          comment: input.comment ?? null,
          decidedAt: at,
        };
        const outcome = advanceRound(round, input.decision, [
          ...stepDecisions,
          decision,
        ]);
        // The last approval authorizes: the window is checked as authorize
        // checks it, and a refusal records nothing.
        const overridden =
          outcome.status === 'authorized'
            ? await checkWindow(this.impact, release, input.override ?? false)
            : null;
        return changes.transaction(async tx => {
          const updated = await tx.releases.update(
            id,
            release.version,
            outcome.status ? { status: outcome.status } : {},
            at,
          );
          if (!updated) {
            throw staleVersion(release, release.version);
          }
          await tx.approvals.insertDecision(id, decision);
          await tx.approvals.writeRound(id, outcome.round);
          await tx.history.append({
            releaseId: id,
            at,
            actor: user,
            kind: 'approval',
            action: input.decision,
            fromStatus: outcome.status ? release.status : null,
            toStatus: outcome.status ?? null,
            changes: {
              [`step ${step.position} (${step.name})`]: {
                before: step.status,
                after: outcome.round.steps[step.position - 1].status,
              },
              ...(outcome.started
                ? {
                    [`step ${outcome.started.position} (${outcome.started.name})`]:
                      { before: 'waiting', after: 'current' },
                  }
                : {}),
            },
            justificationId: null,
            comment:
              [
                input.comment ?? null,
                overridden ? `[override: ${overridden}]` : null,
              ]
                .filter(Boolean)
                .join(' ') || null,
          });
          const change: ReleaseChange = outcome.status
            ? {
                kind: 'transitioned',
                release: updated,
                action:
                  outcome.status === 'authorized' ? 'authorize' : 'replan',
                fromStatus: release.status,
                toStatus: outcome.status,
                automatic: false,
              }
            : {
                kind: 'edited',
                release: updated,
                fields: ['approvals'],
                approvalRequested:
                  outcome.started && approvalRequestOf(outcome.started),
              };
          return {
            result: resourceOf(release, updated, outcome.round),
            change,
          };
        });
      },
      decided => releaseDetails(this.context, decided, credentials),
    );
  }
}

/** The release as written, with what permission rules read of it. */
export function resourceOf(
  release: ReleasePermissionResource,
  updated: Omit<ReleasePermissionResource, 'authorizerGroup'>,
  round: ApprovalRound,
): ReleasePermissionResource {
  return {
    ...updated,
    authorizerGroup: release.authorizerGroup,
    hasApprovalPolicy: true,
    currentApprovers: currentApproversOf(round),
  };
}
