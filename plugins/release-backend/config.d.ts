import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Release management. */
  release?: {
    /**
     * Fill an empty release database with a portfolio, a release model and a
     * few releases in different states (for demos). Default false.
     */
    exampleData?: boolean;
    /**
     * The portal's language for the texts the backend writes: notifications,
     * the overdue digest and the default justification reasons. The backend
     * cannot know each recipient's language, so it writes in this one.
     * Default en (docs/languages.md).
     */
    language?: 'en' | 'pt-BR';
    /**
     * How often suspended releases are checked for a resume date that has
     * come. Defaults to every minute.
     */
    autoResume?: SchedulerServiceTaskScheduleDefinitionConfig;
    /**
     * When the digest of overdue activities goes to their assignees and the
     * releases' managers. Defaults to every day at 07:00 UTC.
     */
    overdueDigest?: SchedulerServiceTaskScheduleDefinitionConfig;
    /**
     * How often notifications still owed by committed changes are sent (a
     * process that stopped right after answering left them). Defaults to
     * every 30 seconds.
     */
    notificationOutbox?: SchedulerServiceTaskScheduleDefinitionConfig;
    permissions?: {
      /**
       * Seconds a signed-in user's permission decisions are remembered, so a
       * burst of requests does not ask the permission backend each time. A
       * new token (e.g. changed group memberships) asks again at once; a
       * changed policy is seen within this time. 0 asks every time.
       * Default 5.
       */
      decisionCacheSeconds?: number;
    };
    /** Impact analysis: how the catalog graph is walked from a release's CIs. */
    impact?: {
      /** Hops from a CI, 0 to 8. Default 3. */
      depth?: number;
      /**
       * Catalog relation types followed outwards from a CI. Default
       * dependencyOf, partOf, providesApi, apiConsumedBy: who depends on it,
       * what it is part of, the APIs it provides and their consumers.
       */
      relations?: string[];
      /**
       * How often the impact index of open and recently finished releases is
       * rebuilt from the catalog. Default every 30 minutes.
       */
      refresh?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    /** Approval rounds (docs/approvals.md). */
    approvals?: {
      /**
       * Whether a release's requester and manager are kept from deciding
       * its approval steps (docs/approvals.md#separation-of-duties).
       * Default true.
       */
      separationOfDuties?: boolean;
    };
    /**
     * Periods in which no release window may be authorized without an
     * override (docs/impact.md#blackout-windows), e.g. a year-end freeze.
     */
    blackoutWindows?: Array<{
      name: string;
      description?: string;
      /** ISO 8601 date-time of the first occurrence's start. */
      start: string;
      /** ISO 8601 date-time of the first occurrence's end. */
      end: string;
      /** Repeat the window every week or year. Default none. */
      recurrence?: 'none' | 'weekly' | 'yearly';
      /**
       * Applies only to releases touching one of these entities, directly or
       * through impact (e.g. `system:default/payments`).
       */
      entityRefs?: string[];
      /** Applies only to releases touching an entity with one of these tags. */
      tags?: string[];
    }>;
    /** Delivery figures from the release record (docs/metrics.md). */
    metrics?: {
      /**
       * Outcomes that make a closed release count as failed. Default failed
       * and rolled-back.
       */
      failedOutcomes?: Array<
        'successful' | 'partial' | 'failed' | 'rolled-back'
      >;
      /**
       * The bounds of the elite, high and medium levels of each headline
       * figure; beyond medium is low. Defaults from the 2024 DORA report
       * (docs/metrics.md#levels).
       */
      levels?: {
        /** Releases per week, at least. Default 7, 1, 0.23. */
        frequency?: { elite?: number; high?: number; medium?: number };
        /** Median lead time in hours, at most. Default 24, 168, 720. */
        leadTime?: { elite?: number; high?: number; medium?: number };
        /** Change failure rate from 0 to 1, at most. Default 0.05, 0.2, 0.3. */
        changeFailureRate?: { elite?: number; high?: number; medium?: number };
        /** Median recovery time in hours, at most. Default 1, 24, 168. */
        recoveryTime?: { elite?: number; high?: number; medium?: number };
      };
    };
    /**
     * The explained risk assessment (docs/risk.md#configuration): the points
     * each factor adds and the scores that suggest each level. Every number
     * is a whole number of at least 0; a wrong one stops the backend at
     * start-up, naming its key.
     */
    risk?: {
      weights?: {
        /** Per entity in the impact index. Default 1 each, at most 10. */
        impactedEntities?: { each?: number; max?: number };
        /** Per entity whose lifecycle is production. Default 2 each, at most 10. */
        productionEntities?: { each?: number; max?: number };
        /** Per entity tagged critical. Default 5 each, at most 15. */
        criticalEntities?: { each?: number; max?: number };
        /** Per open release in conflict. Default 5 each, at most 15. */
        conflicts?: { each?: number; max?: number };
        /** Per blackout the window meets (default 15) or is near (default 5). */
        blackouts?: { meeting?: number; near?: number };
        /** When the lead time is below the minimum. Default 10. */
        insufficientLeadTime?: number;
        /** At a failure rate of 1, in proportion below. Default 20. */
        failureRate?: number;
        /** Points of priorities 1 to 5. Default 15, 10, 5, 2, 0. */
        priority?: number[];
        /** Points of each release type. Default emergency 15, major 5, minor 0. */
        type?: { emergency?: number; major?: number; minor?: number };
        /** Per readiness item the model requires that is missing. Default 3 each, at most 15. */
        missingReadiness?: { each?: number; max?: number };
      };
      /** The least score that suggests medium (default 20) and high (default 40). */
      thresholds?: { medium?: number; high?: number };
      /** The tag that marks an entity critical. Default critical. */
      criticalTag?: string;
      /** A blackout starting or ending this many hours from the window counts as near. Default 48. */
      blackoutProximityHours?: number;
      /** Days back the failure rate of releases on the same CIs looks. Default 90. */
      failureRateDays?: number;
      /** The lead time a release needs when its model sets none, in hours. Default 24. */
      minimumLeadTimeHours?: number;
    };
  };
  /** The portal's search. */
  search?: {
    collators?: {
      /** The releases collator of `releaseSearchModule`. */
      release?: {
        /**
         * How often releases are indexed again. Defaults to every 10
         * minutes.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
