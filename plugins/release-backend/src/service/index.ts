import { ActivityService } from './ActivityService';
import { ApprovalService } from './ApprovalService';
import { ImpactService } from './ImpactService';
import { JustificationService } from './JustificationService';
import { MetricsService } from './MetricsService';
import { PortfolioService } from './PortfolioService';
import { RelationService } from './RelationService';
import { ReleaseService } from './ReleaseService';
import { SearchService } from './SearchService';
import { ServiceContext } from './ServiceContext';
import { TransitionService } from './TransitionService';

export { ReleaseAuthorizer } from './ReleaseAuthorizer';
export type { ServiceContext } from './ServiceContext';

/** Every use case of the plugin. */
export type ReleaseServices = {
  releases: ReleaseService;
  transitions: TransitionService;
  approvals: ApprovalService;
  activities: ActivityService;
  relations: RelationService;
  justifications: JustificationService;
  portfolios: PortfolioService;
  search: SearchService;
  impact: ImpactService;
  metrics: MetricsService;
};

export function createReleaseServices(
  context: ServiceContext,
): ReleaseServices {
  const impact = new ImpactService(context);
  const approvals = new ApprovalService(context, impact);
  return {
    releases: new ReleaseService(context, impact),
    transitions: new TransitionService(context, impact, approvals),
    approvals,
    activities: new ActivityService(context),
    relations: new RelationService(context, impact),
    justifications: new JustificationService(context),
    portfolios: new PortfolioService(context),
    search: new SearchService(context),
    impact,
    metrics: new MetricsService(context),
  };
}
