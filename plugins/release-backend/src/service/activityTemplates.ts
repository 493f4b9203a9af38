import {
  ActivityPhase,
  ReleaseActivity,
  ReleaseModel,
} from '@internal/plugin-release-common';
import { randomUUID } from 'node:crypto';

/** The activities a new release starts with, from its model's templates. */
export function activitiesFromTemplates(
  releaseId: string,
  model: ReleaseModel | undefined,
  at: Date,
): ReleaseActivity[] {
  if (!model) {
    return [];
  }
  const phases: Array<[ActivityPhase, ReleaseModel['planningTemplates']]> = [
    ['planning', model.planningTemplates],
    ['deployment', model.deploymentTemplates],
  ];
  return phases.flatMap(([phase, templates]) =>
    templates.map((template, position) => ({
      id: randomUUID(),
      releaseId,
      phase,
      position,
      title: template.title,
      description: template.description ?? '',
      assignee: null,
      group: model.defaultExecutorGroup,
      dueAt: null,
      status: 'pending' as const,
      notes: null,
      completedBy: null,
      completedAt: null,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
      version: 1,
    })),
  );
}
