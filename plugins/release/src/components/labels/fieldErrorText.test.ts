import {
  checkGuards,
  fieldErrorsOf,
  justificationSchema,
  registerReleaseSchema,
} from '@internal/plugin-release-common';
import ptBR from '../../translations/pt-BR';
import { describeFieldErrorsIn, fieldErrorText } from './fieldErrorText';
import type { ReleaseT } from './useReleaseLabels';

/** The Portuguese messages with their `{{placeholders}}` filled in. */
const t = ((key: string, params: Record<string, unknown> = {}) =>
  (ptBR.messages as Record<string, string>)[key].replace(
    /{{(\w+)}}/g,
    (_, name) => String(params[name]),
  )) as unknown as ReleaseT;

/** What the form shows for each wrong field of a refused request. */
function shown(schema: typeof registerReleaseSchema, request: unknown) {
  const parsed = schema.safeParse(request);
  if (parsed.success) throw new Error('the request was accepted');
  return Object.fromEntries(
    fieldErrorsOf(parsed.error).map(e => [e.field, fieldErrorText(t, e)]),
  );
}

describe('fieldErrorText', () => {
  it("says the shared schema's and zod's own messages in Portuguese", () => {
    expect(
      shown(registerReleaseSchema, {
        title: 'x'.repeat(201),
        type: 'minor',
        impact: 'huge',
        versionLabel: 'v'.repeat(101),
        description: 5,
        manager: 'user:default/ana:x',
        plannedStart: 'tomorrow',
        priority: 1,
      }),
    ).toEqual({
      title: 'deve ter no máximo 200 caracteres',
      impact: 'não é um dos valores permitidos',
      versionLabel: 'deve ter no máximo 100 caracteres',
      description: 'tem o tipo errado',
      manager:
        'deve ser uma referência do catálogo do tipo user, p. ex. user:default/name',
      plannedStart: 'deve ser uma data e hora',
      priority: 'campo desconhecido',
    });
    expect(shown(registerReleaseSchema, { title: ' ' })).toEqual({
      title: 'é obrigatório',
      type: 'é obrigatório',
    });
    expect(
      shown(registerReleaseSchema, {
        title: 'Pedidos',
        type: 'minor',
        plannedStart: '2027-03-10T11:00:00Z',
        plannedEnd: '2027-03-10T09:00:00Z',
        cis: [
          { entityRef: 'component:default/orders', role: 'updated' },
          { entityRef: 'component:default/orders', role: 'updated' },
        ],
      }),
    ).toEqual({
      plannedEnd: 'deve ser depois do início planejado',
      'cis.1.entityRef': 'orders aparece duas vezes',
    });
    expect(
      shown(justificationSchema as any, {
        name: 'Congelamento',
        appliesTo: [],
      }),
    ).toEqual({ appliesTo: 'deve indicar ao menos uma ação' });
  });

  it("says the workflow's input guards in Portuguese", () => {
    const guard = (action: 'close' | 'suspend', input: object) =>
      checkGuards(action, {
        release: { status: 'executed' } as any,
        activities: [],
        ciCount: 1,
        input,
        now: new Date('2027-01-01T00:00:00Z'),
      }).map(v => fieldErrorText(t, v));
    expect(guard('close', {})).toEqual([
      'o fechamento precisa de um resultado',
    ]);
    expect(guard('close', { outcome: 'rolled-back' })).toEqual([
      'um resultado revertida precisa de notas de fechamento',
    ]);
    expect(guard('suspend', { resumeAt: '2026-01-01T00:00:00Z' })).toEqual([
      'é obrigatória uma justificativa do catálogo',
      'a data de retomada deve estar no futuro',
    ]);
  });

  it('keeps a message it does not know as the server wrote it', () => {
    expect(
      fieldErrorText(t, { field: 'modelId', message: 'no release model m1' }),
    ).toBe('no release model m1');
  });

  it('names each wrong field by its label when listing them', () => {
    expect(
      describeFieldErrorsIn(t, [
        { field: 'requester', message: 'is required' },
        { field: 'cis.0.entityRef', message: 'x is not in the catalog' },
        { field: 'extra', message: 'unknown field' },
      ]),
    ).toBe(
      'Solicitante: é obrigatório; Itens de configuração (ICs): x não está no catálogo; extra: campo desconhecido',
    );
  });
});
