import { ReleaseChange } from '../changes/ReleaseChange';

/**
 * Whether a committed change may move a factor of the release's own risk
 * (docs/risk.md#recomputation). A transition sets the status and dates of
 * execution, none of them a factor; only reopening brings a release whose
 * assessment was kept back to following its inputs. An activity's update
 * cannot change its phase, the one thing of it a factor reads.
 */
export function movesRiskFactors(change: ReleaseChange): boolean {
  switch (change.kind) {
    case 'transitioned':
      return change.action === 'reopen';
    case 'activity':
      return change.change !== 'updated';
    default:
      return true;
  }
}
