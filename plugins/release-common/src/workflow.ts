import {
  Release,
  ReleaseAction,
  ReleaseActivity,
  ReleaseOutcome,
  ReleaseStatus,
  ReleaseSummary,
  RELEASE_ACTIONS,
} from './types';

/**
 * One row of the transition table: the states an action may start from and
 * the state it leads to (`previous` is the state a suspended release left).
 *
 * @public
 */
export type TransitionRule = {
  from: readonly ReleaseStatus[];
  to: ReleaseStatus | 'previous';
};

/** Releases in these states are finished; every other state is open. @public */
export const FINISHED_STATUSES: readonly ReleaseStatus[] = [
  'closed',
  'cancelled',
];

/** @public */
export const OPEN_STATUSES: readonly ReleaseStatus[] = [
  'registered',
  'planning',
  'awaiting-approval',
  'authorized',
  'deployment',
  'executed',
  'suspended',
];

/** The workflow as data (docs/workflow.md#actions). @public */
export const RELEASE_TRANSITIONS: Record<ReleaseAction, TransitionRule> = {
  plan: { from: ['registered'], to: 'planning' },
  // The approval round's decisions (`POST /releases/:id/approvals`) take an
  // awaiting release on to authorized, or back to planning
  // (docs/approvals.md#the-approval-round).
  'request-authorization': { from: ['planning'], to: 'awaiting-approval' },
  // Only for releases no approval step applies to (docs/approvals.md).
  authorize: { from: ['planning'], to: 'authorized' },
  replan: { from: ['authorized'], to: 'planning' },
  deploy: { from: ['authorized'], to: 'deployment' },
  execute: { from: ['deployment'], to: 'executed' },
  rework: { from: ['executed'], to: 'planning' },
  close: { from: ['executed'], to: 'closed' },
  suspend: {
    from: [
      'registered',
      'planning',
      'awaiting-approval',
      'authorized',
      'deployment',
    ],
    to: 'suspended',
  },
  resume: { from: ['suspended'], to: 'previous' },
  cancel: { from: OPEN_STATUSES, to: 'cancelled' },
  reopen: { from: FINISHED_STATUSES, to: 'planning' },
};

/** @public */
export function isOpen(status: ReleaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** The actions the table allows from a state, whoever asks. */
function actionsFrom(status: ReleaseStatus): ReleaseAction[] {
  return RELEASE_ACTIONS.filter(action =>
    RELEASE_TRANSITIONS[action].from.includes(status),
  );
}

/** Whether the table allows `action` from the release's state. @public */
export function canTransition(
  release: Pick<Release, 'status'>,
  action: ReleaseAction,
): boolean {
  return RELEASE_TRANSITIONS[action].from.includes(release.status);
}

/**
 * The state `action` leads to; resume returns to the state suspend left.
 *
 * @public
 */
export function targetStatus(
  release: Pick<Release, 'status' | 'suspendedFrom'>,
  action: ReleaseAction,
): ReleaseStatus {
  const { to } = RELEASE_TRANSITIONS[action];
  if (to === 'previous') {
    // A suspended release always remembers where it was; planning is the
    // safe place for one that somehow does not.
    return release.suspendedFrom ?? 'planning';
  }
  return to;
}

/** What a caller sends with an action (`POST /releases/:id/transitions`). @public */
export type TransitionInput = {
  comment?: string;
  justificationId?: string;
  outcome?: ReleaseOutcome;
  closureNotes?: string;
  resumeAt?: string;
  override?: boolean;
};

/**
 * A guard that is not met. `input` violations are fixed by sending more
 * (a 400 naming the field); `state` violations need the release to change
 * first (a 409).
 *
 * @public
 */
export type GuardViolation = {
  kind: 'input' | 'state';
  field: string;
  message: string;
};

/** @public */
export type GuardContext = {
  /** A list's row has no business justification: authorize's guard then fails. */
  release: ReleaseSummary & Partial<Pick<Release, 'businessJustification'>>;
  activities: Pick<ReleaseActivity, 'phase' | 'status' | 'title'>[];
  ciCount: number;
  input: TransitionInput;
  now: Date;
};

const finishedActivityStatuses = ['done', 'skipped'];

function unfinishedActivities(
  context: GuardContext,
  phase: 'planning' | 'deployment',
): string[] {
  return context.activities
    .filter(
      a => a.phase === phase && !finishedActivityStatuses.includes(a.status),
    )
    .map(a => a.title);
}

function blank(text: string | null | undefined): boolean {
  return !text || text.trim().length === 0;
}

/**
 * The guards that need no I/O (docs/workflow.md#guards). Permissions,
 * blackout windows, conflicts and whether a justification exists in the
 * catalogue are checked by the backend.
 *
 * @public
 */
export function checkGuards(
  action: ReleaseAction,
  context: GuardContext,
): GuardViolation[] {
  const { release, input } = context;
  const violations: GuardViolation[] = [];
  const state = (field: string, message: string) =>
    violations.push({ kind: 'state', field, message });
  const missing = (field: string, message: string) =>
    violations.push({ kind: 'input', field, message });

  switch (action) {
    // Authorization is requested only of a release it could be given to
    // (docs/approvals.md#the-approval-round).
    case 'request-authorization':
    case 'authorize': {
      if (blank(release.businessJustification)) {
        state('businessJustification', 'a business justification is required');
      }
      if (!release.plannedStart || !release.plannedEnd) {
        state('plannedStart', 'a planned window (start and end) is required');
      }
      if (context.ciCount < 1) {
        state('relations', 'at least one configuration item must be related');
      }
      const open = unfinishedActivities(context, 'planning');
      if (open.length > 0) {
        state(
          'activities',
          `planning activities not done or skipped: ${open.join(', ')}`,
        );
      }
      if (input.override && blank(input.comment)) {
        missing('comment', 'an override needs a comment saying why');
      }
      break;
    }
    case 'execute': {
      const open = unfinishedActivities(context, 'deployment');
      if (open.length > 0) {
        state(
          'activities',
          `deployment activities not done or skipped: ${open.join(', ')}`,
        );
      }
      break;
    }
    case 'replan':
    case 'rework':
      if (blank(input.comment)) {
        missing('comment', `${action} needs a comment saying why`);
      }
      break;
    case 'close':
      if (!input.outcome) {
        missing('outcome', 'closing needs an outcome');
      } else if (input.outcome !== 'successful' && blank(input.closureNotes)) {
        missing('closureNotes', `a ${input.outcome} outcome needs notes`);
      }
      break;
    case 'suspend':
    case 'cancel':
    case 'reopen':
      if (blank(input.justificationId)) {
        missing(
          'justificationId',
          `${action} needs a reason from the catalogue`,
        );
      }
      if (action === 'suspend' && input.resumeAt) {
        const resumeAt = Date.parse(input.resumeAt);
        if (Number.isNaN(resumeAt) || resumeAt <= context.now.getTime()) {
          missing('resumeAt', 'the resume date must be in the future');
        }
      }
      break;
    default:
      break;
  }
  return violations;
}

/**
 * What an action's guards read besides the release and the input, so the
 * backend reads only that inside the action's transaction: activities for
 * authorize, request-authorization and execute, the CI count for the two
 * authorizing actions.
 *
 * @public
 */
export function guardReads(action: ReleaseAction): {
  activities: boolean;
  ciCount: boolean;
} {
  return {
    activities:
      action === 'authorize' ||
      action === 'request-authorization' ||
      action === 'execute',
    ciCount: action === 'authorize' || action === 'request-authorization',
  };
}

/**
 * The actions the caller may offer now: allowed from the release's state and
 * permitted by `can`. Guards that depend on what the caller sends are left to
 * the action itself, so a button can open a dialog that asks for them.
 *
 * @public
 */
export function allowedActions(
  release: Pick<Release, 'status'>,
  can: (action: ReleaseAction) => boolean = () => true,
): ReleaseAction[] {
  return actionsFrom(release.status).filter(can);
}

/**
 * How late an open release is past its planned end, in milliseconds, or
 * null when it is not overdue.
 *
 * @public
 */
export function overdueBy(
  release: Pick<Release, 'status' | 'plannedEnd'>,
  now: Date,
): number | null {
  if (!isOpen(release.status) || !release.plannedEnd) {
    return null;
  }
  const late = now.getTime() - Date.parse(release.plannedEnd);
  return late > 0 ? late : null;
}
