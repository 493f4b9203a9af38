import { z } from 'zod';
import {
  closedSearchQuerySchema,
  registerReleaseSchema,
  relationSchema,
  releaseListQuerySchema,
  transitionSchema,
} from './schemas';
import { fieldErrorsOf } from './fieldErrors';

function issuePaths(schema: z.ZodTypeAny, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map(issue =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.join(',')
      : issue.path.join('.'),
  );
}

describe('registerReleaseSchema', () => {
  it('accepts a release and normalises its refs', () => {
    const parsed = registerReleaseSchema.parse({
      title: '  Orders 2.4 ',
      type: 'minor',
      manager: 'ana.souza',
      executorGroup: 'Group:default/Platform-Team',
      plannedStart: '2026-12-01T09:00:00Z',
      plannedEnd: '2026-12-01T11:00:00+01:00',
    });
    expect(parsed).toMatchObject({
      title: 'Orders 2.4',
      manager: 'user:default/ana.souza',
      executorGroup: 'group:default/platform-team',
    });
  });

  it('names the field that is wrong', () => {
    expect(issuePaths(registerReleaseSchema, { type: 'minor' })).toEqual([
      'title',
    ]);
    expect(
      issuePaths(registerReleaseSchema, {
        title: 'x'.repeat(201),
        type: 'minor',
      }),
    ).toEqual(['title']);
    expect(
      issuePaths(registerReleaseSchema, { title: 'a', type: 'huge' }),
    ).toEqual(['type']);
    expect(
      issuePaths(registerReleaseSchema, {
        title: 'a',
        type: 'minor',
        priority: 1,
      }),
    ).toEqual(['priority']);
    expect(
      issuePaths(registerReleaseSchema, {
        title: 'a',
        type: 'minor',
        plannedStart: '2026-12-01T11:00:00Z',
        plannedEnd: '2026-12-01T09:00:00Z',
      }),
    ).toEqual(['plannedEnd']);
    expect(
      issuePaths(registerReleaseSchema, {
        title: 'a',
        type: 'minor',
        manager: 'group:default/x',
      }),
    ).toEqual(['manager']);
    expect(
      issuePaths(registerReleaseSchema, {
        title: 'a',
        type: 'minor',
        plannedStart: 'tomorrow',
      }),
    ).toEqual(['plannedStart']);
  });
});

describe('transitionSchema', () => {
  it('needs an action and the version it acts on', () => {
    expect(issuePaths(transitionSchema, {})).toEqual([
      'action',
      'expectedVersion',
    ]);
    expect(
      transitionSchema.parse({ action: 'plan', expectedVersion: 3 }),
    ).toEqual({
      action: 'plan',
      expectedVersion: 3,
    });
  });
});

describe('relationSchema', () => {
  it('takes configuration items of CI kinds only', () => {
    expect(
      relationSchema.parse({
        kind: 'ci',
        entityRef: 'Component:orders-service',
        role: 'updated',
      }),
    ).toEqual({
      kind: 'ci',
      entityRef: 'component:default/orders-service',
      role: 'updated',
    });
    expect(
      issuePaths(relationSchema, {
        kind: 'ci',
        entityRef: 'user:default/guest',
        role: 'new',
      }),
    ).toEqual(['entityRef']);
  });

  it('takes external records with an http(s) link', () => {
    expect(
      issuePaths(relationSchema, {
        kind: 'incident',
        key: 'INC-1',
        title: 'Checkout down',
        url: 'ftp://files.example.com/incident',
      }),
    ).toEqual(['url']);
  });
});

describe('query schemas', () => {
  it('accept one or repeated values and apply paging defaults', () => {
    expect(
      releaseListQuerySchema.parse({
        status: 'planning',
        priority: ['1', '2'],
      }),
    ).toEqual({
      status: ['planning'],
      priority: [1, 2],
      limit: 50,
      offset: 0,
    });
    expect(issuePaths(releaseListQuerySchema, { limit: '5000' })).toEqual([
      'limit',
    ]);
    expect(
      closedSearchQuerySchema.parse({
        includeCancelled: 'true',
        format: 'csv',
      }),
    ).toMatchObject({ includeCancelled: true, format: 'csv' });
  });
});

describe('field errors', () => {
  it('say a missing field is required, and name each field by its path', () => {
    const result = registerReleaseSchema.safeParse({
      cis: [{ entityRef: 'component:default/a', role: 'gone' }],
    });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual([
      { field: 'title', message: 'is required' },
      { field: 'type', message: 'is required' },
      {
        field: 'cis.0.role',
        message: expect.stringContaining('expected one of'),
      },
    ]);
    const transition = transitionSchema.safeParse({ comment: 'why' });
    expect(fieldErrorsOf(transition.error!)).toEqual([
      { field: 'action', message: 'is required' },
      { field: 'expectedVersion', message: 'is required' },
    ]);
  });
});
