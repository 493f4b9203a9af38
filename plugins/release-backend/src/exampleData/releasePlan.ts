import {
  ImpactedEntity,
  Release,
  ReleaseActivity,
  ReleaseModel,
  ReleaseOutcome,
  ReleaseType,
} from '@internal/plugin-release-common';
import { ExampleCi, ExampleTeam } from './exampleTeams';
import { ReleaseTimeline } from './releaseTimeline';

export const HOUR = 3600 * 1000;
export const DAY = 24 * HOUR;

/** A release of the example history, with everything written with it. */
export type HistoricalRelease = {
  /** Without its number: the store allocates that when it is written. */
  release: Omit<Release, 'number'>;
  activities: ReleaseActivity[];
  relations: ReleaseTimeline['relations'];
  history: ReleaseTimeline['history'];
  impact: ImpactedEntity[];
};

/** What the history refers to in the database. */
export type HistoryContext = {
  /** The first start: the history ends just before it. */
  now: Date;
  models: Record<ExampleTeam['portfolio'], ReleaseModel>;
  justifications: { cancel: string[]; reopen: string[] };
};

/** What the generator decides of a release before it is written out. */
export type Plan = {
  team: ExampleTeam;
  cis: ExampleCi[];
  /** When its (last) execution ends. */
  end: number;
  type: ReleaseType;
  fate:
    | {
        kind: 'closed';
        outcome: ReleaseOutcome;
        rework: boolean;
        reopen: boolean;
      }
    | { kind: 'cancelled' };
  incident?: { key: string; title: string };
  /** For a fix: the failure it recovers, and how long after it. */
  recovers?: { failure: Plan; hours: number };
  /** When its execution ended, once written. */
  executedAt?: number;
  title?: string;
  notes?: string;
};
