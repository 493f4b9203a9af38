import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { ActivityRepository } from './ActivityRepository';
import { ApprovalRoundRepository } from './ApprovalRoundRepository';
import { HistoryRepository } from './HistoryRepository';
import { ImpactRepository } from './ImpactRepository';
import { JustificationRepository } from './JustificationRepository';
import { MetricsQueries } from './MetricsQueries';
import { NotificationOutbox } from './NotificationOutbox';
import { applyDatabaseMigrations } from './migrations';
import { PortfolioRepository } from './PortfolioRepository';
import { RelationRepository } from './RelationRepository';
import { ReleaseQueries } from './ReleaseQueries';
import { ReleaseRepository } from './ReleaseRepository';
import { SearchEntryQueries } from './SearchEntryQueries';
import { SummaryQueries } from './SummaryQueries';
import { ReleaseRepositories, ReleaseStore } from './ReleaseStore';

function repositoriesOn(db: Knex): ReleaseRepositories {
  return {
    releases: new ReleaseRepository(db),
    activities: new ActivityRepository(db),
    relations: new RelationRepository(db),
    history: new HistoryRepository(db),
    approvalRounds: new ApprovalRoundRepository(db),
    impact: new ImpactRepository(db),
    justifications: new JustificationRepository(db),
    portfolios: new PortfolioRepository(db),
    queries: new ReleaseQueries(db),
    summaries: new SummaryQueries(db),
    metrics: new MetricsQueries(db),
    searchEntries: new SearchEntryQueries(db),
    outbox: new NotificationOutbox(db),
  };
}

/**
 * The release store on the database that `coreServices.database` provides
 * (SQLite or PostgreSQL).
 *
 * @internal
 */
export class DatabaseReleaseStore implements ReleaseStore {
  readonly releases: ReleaseRepository;
  readonly activities: ActivityRepository;
  readonly relations: RelationRepository;
  readonly history: HistoryRepository;
  readonly approvalRounds: ApprovalRoundRepository;
  readonly impact: ImpactRepository;
  readonly justifications: JustificationRepository;
  readonly portfolios: PortfolioRepository;
  readonly queries: ReleaseQueries;
  readonly summaries: SummaryQueries;
  readonly metrics: MetricsQueries;
  readonly searchEntries: SearchEntryQueries;
  readonly outbox: NotificationOutbox;

  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseReleaseStore> {
    const client = await options.database.getClient();
    await applyDatabaseMigrations(options.database, client);
    return new DatabaseReleaseStore(client);
  }

  /** For tests that migrate a database themselves. */
  static fromClient(client: Knex): DatabaseReleaseStore {
    return new DatabaseReleaseStore(client);
  }

  private constructor(private readonly db: Knex) {
    this.releases = new ReleaseRepository(db);
    this.activities = new ActivityRepository(db);
    this.relations = new RelationRepository(db);
    this.history = new HistoryRepository(db);
    this.approvalRounds = new ApprovalRoundRepository(db);
    this.impact = new ImpactRepository(db);
    this.justifications = new JustificationRepository(db);
    this.portfolios = new PortfolioRepository(db);
    this.queries = new ReleaseQueries(db);
    this.summaries = new SummaryQueries(db);
    this.metrics = new MetricsQueries(db);
    this.searchEntries = new SearchEntryQueries(db);
    this.outbox = new NotificationOutbox(db);
  }

  async transaction<T>(
    work: (tx: ReleaseRepositories) => Promise<T>,
  ): Promise<T> {
    return this.db.transaction(trx => work(repositoriesOn(trx)));
  }

  async isReachable(): Promise<boolean> {
    try {
      await this.db.raw('select 1');
      return true;
    } catch {
      return false;
    }
  }
}
