import { ReleaseAction } from '@internal/plugin-release-common';
import { BackendTexts } from './BackendTexts';

const verbs: Record<ReleaseAction | 'register', string> = {
  register: 'was registered',
  plan: 'is being planned',
  'request-authorization': 'awaits approval',
  authorize: 'was authorized',
  replan: 'went back to planning',
  deploy: 'is being deployed',
  execute: 'was executed',
  rework: 'went back to planning for rework',
  close: 'was closed',
  suspend: 'was suspended',
  resume: 'was resumed',
  cancel: 'was cancelled',
  reopen: 'was reopened',
};

/** The backend's texts in English. */
export const en: BackendTexts = {
  changedTitle: (number, action, title) =>
    `${number} ${verbs[action]}: ${title}`,
  changedDescription: (number, status) => `Release ${number} is now ${status}.`,
  assignedTitle: (number, title) => `${number}: "${title}" is assigned to you`,
  approvalRequestedTitle: (number, title) =>
    `${number} awaits your approval: ${title}`,
  approvalRequestedDescription: (position, name) =>
    `Step ${position}, ${name}, asks for your decision.`,
  assignedDescription: (phase, releaseTitle) =>
    `A ${phase} activity of ${releaseTitle}.`,
  digestTitle: count =>
    `${count} overdue release ${count === 1 ? 'activity' : 'activities'}`,
  digestLine: ({ releaseNumber, title, dueAt, now }) =>
    `${releaseNumber} "${title}" (due ${dueAt.toRelative({
      base: now,
      locale: 'en',
    })})`,
  digestEnd: more => (more > 0 ? `; and ${more} more.` : '.'),
  approvalDigestTitle: count =>
    `${count} ${
      count === 1 ? 'release awaits' : 'releases await'
    } your approval`,
  approvalDigestLine: ({ releaseNumber, title, requestedAt, now }) =>
    `${releaseNumber} "${title}" (requested ${requestedAt.toRelative({
      base: now,
      locale: 'en',
    })})`,
  defaultJustifications: {
    'awaiting-vendor-fix': {
      name: 'Awaiting a vendor fix',
      description:
        'A supplier must deliver a fix before the release can go on.',
    },
    'change-freeze': {
      name: 'Change freeze',
      description:
        'A freeze period (e.g. year-end) forbids the deployment for now.',
    },
    'resources-unavailable': {
      name: 'Resources unavailable',
      description: 'The people or environments needed are not available.',
    },
    'business-priorities-changed': {
      name: 'Business priorities changed',
      description: 'The business asked to stop or postpone the release.',
    },
    superseded: {
      name: 'Superseded by another release',
      description: 'Another release delivers the same change.',
    },
    'duplicate-registration': {
      name: 'Duplicate registration',
      description: 'The release was registered twice.',
    },
    'defect-after-closure': {
      name: 'Defect found after closure',
      description:
        'The released change shows a defect that needs another cycle.',
    },
    'closed-by-mistake': {
      name: 'Closed by mistake',
      description: 'The release was closed or cancelled in error.',
    },
  },
};
