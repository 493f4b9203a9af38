import { ActivityRepository } from './ActivityRepository';
import { ApprovalRoundRepository } from './ApprovalRoundRepository';
import { HistoryRepository } from './HistoryRepository';
import { ImpactRepository } from './ImpactRepository';
import { JustificationRepository } from './JustificationRepository';
import { MetricsQueries } from './MetricsQueries';
import { NotificationOutbox } from './NotificationOutbox';
import { PortfolioRepository } from './PortfolioRepository';
import { RelationRepository } from './RelationRepository';
import { ReleaseQueries } from './ReleaseQueries';
import { ReleaseRepository } from './ReleaseRepository';
import { SearchEntryQueries } from './SearchEntryQueries';
import { SummaryQueries } from './SummaryQueries';

/**
 * The repositories a use case works with, all on one connection or one
 * transaction.
 *
 * @internal
 */
export interface ReleaseRepositories {
  releases: ReleaseRepository;
  activities: ActivityRepository;
  relations: RelationRepository;
  history: HistoryRepository;
  approvalRounds: ApprovalRoundRepository;
  impact: ImpactRepository;
  justifications: JustificationRepository;
  portfolios: PortfolioRepository;
  queries: ReleaseQueries;
  summaries: SummaryQueries;
  metrics: MetricsQueries;
  searchEntries: SearchEntryQueries;
  outbox: NotificationOutbox;
}

/**
 * Persistence of releases. Every state change runs in `transaction`, so it
 * and its history row are written together or not at all.
 *
 * @internal
 */
export interface ReleaseStore extends ReleaseRepositories {
  transaction<T>(work: (tx: ReleaseRepositories) => Promise<T>): Promise<T>;
  /** Whether the database answers; used by the health endpoint. */
  isReachable(): Promise<boolean>;
}
