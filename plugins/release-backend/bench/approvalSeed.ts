import { Knex } from 'knex';

/** Groups the seeded rounds ask: the bench user is in one of them. */
const APPROVER_GROUPS = 20;
/** One open release in this many awaits approval. */
const AWAITING_EVERY = 50;

export const benchApproverGroup = 'group:default/bench-approvers-3';

/**
 * Puts one open release in fifty in an approval round awaiting one of twenty
 * groups (docs/approvals.md#the-approval-round), as `request-authorization`
 * leaves it: the round's columns and the current step's approvers. Runs
 * again on a kept database without adding twice. Returns how many releases
 * await the bench user's group.
 */
export async function seedAwaitingApproval(knex: Knex): Promise<number> {
  const ids: string[] = (
    await knex('releases')
      .whereIn('status', [
        'registered',
        'planning',
        'awaiting-approval',
        'authorized',
        'deployment',
      ])
      .orderBy('number')
      .select('id')
  ).map(row => row.id);
  const awaiting = ids.filter((_, index) => index % AWAITING_EVERY === 0);
  await knex('release_step_approvers').delete();
  let mine = 0;
  for (let group = 0; group < APPROVER_GROUPS; group++) {
    const approverRef = `group:default/bench-approvers-${group}`;
    const asked = awaiting.filter(
      (_, index) => index % APPROVER_GROUPS === group,
    );
    if (approverRef === benchApproverGroup) mine = asked.length;
    for (let i = 0; i < asked.length; i += 500) {
      const chunk = asked.slice(i, i + 500);
      await knex('releases')
        .whereIn('id', chunk)
        .update({
          status: 'awaiting-approval',
          approval_round: 1,
          approval_status: 'awaiting',
          approval_step: 1,
          approval_requested_by: 'user:default/bench-manager',
          approval_requested_at: new Date(),
          approval_steps: JSON.stringify([
            {
              position: 1,
              name: 'Owners of impacted systems',
              quorum: 'all',
              approvers: [approverRef],
              fallbackReason: null,
              status: 'current',
              notRequiredBecause: null,
            },
          ]),
        });
      await knex('release_step_approvers').insert(
        chunk.map(releaseId => ({
          release_id: releaseId,
          approver_ref: approverRef,
        })),
      );
    }
  }
  return mine;
}
