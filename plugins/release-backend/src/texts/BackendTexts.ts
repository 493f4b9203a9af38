import {
  ActivityPhase,
  ReleaseAction,
  ReleaseStatus,
} from '@internal/plugin-release-common';
import { DateTime } from 'luxon';

/** The languages the backend writes in (`release.language`). */
export const BACKEND_LANGUAGES = ['en', 'pt-BR'] as const;

export type BackendLanguage = (typeof BACKEND_LANGUAGES)[number];

/**
 * The stable keys of the justification reasons the plugin seeds
 * (migrations/20261202110000_default_justification_keys.js).
 */
export const DEFAULT_JUSTIFICATION_KEYS = [
  'awaiting-vendor-fix',
  'change-freeze',
  'resources-unavailable',
  'business-priorities-changed',
  'superseded',
  'duplicate-registration',
  'defect-after-closure',
  'closed-by-mistake',
] as const;

export type DefaultJustificationKey =
  (typeof DEFAULT_JUSTIFICATION_KEYS)[number];

/** An overdue activity as the digest names it. */
export type OverdueLine = {
  releaseNumber: string;
  title: string;
  dueAt: DateTime;
  now: DateTime;
};

/** A release awaiting approval as the digest names it. */
export type AwaitingLine = {
  releaseNumber: string;
  title: string;
  requestedAt: DateTime;
  now: DateTime;
};

/**
 * Every text the backend writes for people to read, in one language
 * (docs/languages.md). A language that misses one fails the type-check.
 */
export interface BackendTexts {
  /** A workflow notification's title, e.g. "REL-000042 was closed: Orders 3.0". */
  changedTitle(
    releaseNumber: string,
    action: ReleaseAction | 'register',
    releaseTitle: string,
  ): string;
  changedDescription(releaseNumber: string, status: ReleaseStatus): string;
  assignedTitle(releaseNumber: string, activityTitle: string): string;
  /** To a step's approvers: "REL-000042 awaits your approval: Orders 3.0". */
  approvalRequestedTitle(releaseNumber: string, releaseTitle: string): string;
  approvalRequestedDescription(position: number, stepName: string): string;
  assignedDescription(phase: ActivityPhase, releaseTitle: string): string;
  /** The digest's title: how many activities are overdue, with the plural. */
  digestTitle(count: number): string;
  /** One overdue activity in the digest. */
  digestLine(line: OverdueLine): string;
  /** The digest's end, saying how many more are not named (0: none). */
  digestEnd(more: number): string;
  /** The digest of releases awaiting the recipient's approval: how many. */
  approvalDigestTitle(count: number): string;
  /** One release awaiting approval in the digest. */
  approvalDigestLine(line: AwaitingLine): string;
  /** The reasons seeded in the justification catalogue. */
  defaultJustifications: Record<
    DefaultJustificationKey,
    { name: string; description: string }
  >;
}
