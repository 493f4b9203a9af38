import ptBR from '../../translations/pt-BR';
import type { ReleaseT } from '../labels';
import { approvalReasonText } from './approvalReasonText';

/** The Portuguese messages with their `{{placeholders}}` filled in. */
const t = ((key: string, params: Record<string, unknown> = {}) =>
  (ptBR.messages as Record<string, string>)[key].replace(
    /{{(\w+)}}/g,
    (_, name) => String(params[name]),
  )) as unknown as ReleaseT;

describe('approvalReasonText', () => {
  it.each([
    ['risk is low, below high', 'o risco (baixa) está abaixo de alta'],
    [
      'type is minor, not major or emergency',
      'o tipo é menor, não maior ou emergencial',
    ],
    [
      "its approvers resolved to nobody (no impacted owner); the portfolio's authorizer group decides",
      'nenhuma entidade impactada tem proprietário, então o grupo autorizador do portfólio decide',
    ],
    [
      "group:default/payments-team, group:default/orders-team have no members in the catalog; the portfolio's authorizer group decides",
      'payments-team, orders-team: sem membros no catálogo, então o grupo autorizador do portfólio decide',
    ],
    ['you already decided step 2', 'você já decidiu a etapa 2'],
    [
      'you manage REL-000042; separation of duties keeps its manager from deciding its approval',
      'você gerencia REL-000042, e a segregação de funções impede o gerente de decidir a aprovação',
    ],
    [
      'the permission policy does not let you approve this release',
      'a política de permissões não deixa você aprovar esta liberação',
    ],
    [
      'window changed: the decisions of round 1 no longer hold',
      'A janela mudou: as decisões da rodada 1 não valem mais',
    ],
    [
      'configuration items changed: no approval step applies any more; request authorization again',
      'Os itens de configuração mudaram: nenhuma etapa de aprovação se aplica mais; solicite a autorização de novo',
    ],
  ])('says "%s" in Portuguese', (reason, portuguese) => {
    expect(approvalReasonText(t, reason)).toBe(portuguese);
  });

  it('shows a reason it does not know as the server wrote it', () => {
    expect(approvalReasonText(t, 'the moon is full')).toBe('the moon is full');
  });
});
