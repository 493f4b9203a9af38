import {
  ActivityPhase,
  ReleaseAction,
  ReleaseStatus,
} from '@internal/plugin-release-common';
import { DateTime } from 'luxon';
import { BackendTexts } from './BackendTexts';

// The words of docs/glossary.md, as the interface's pt-BR translation uses them.
const verbs: Record<ReleaseAction | 'register', string> = {
  register: 'foi cadastrada',
  plan: 'está em planejamento',
  'request-authorization': 'aguarda aprovação',
  authorize: 'foi aprovada',
  replan: 'voltou ao planejamento',
  deploy: 'está em implantação',
  execute: 'foi executada',
  rework: 'voltou ao planejamento para retrabalho',
  close: 'foi fechada',
  suspend: 'foi suspensa',
  resume: 'foi retomada',
  cancel: 'foi cancelada',
  reopen: 'foi reaberta',
};

/** The state chips' words, so a notification names a state as the UI does. */
const statuses: Record<ReleaseStatus, string> = {
  registered: 'Registrada',
  planning: 'Em planejamento',
  'awaiting-approval': 'Aguardando aprovação',
  authorized: 'Aprovada',
  deployment: 'Em execução',
  executed: 'Executada',
  closed: 'Fechada',
  suspended: 'Suspensa',
  cancelled: 'Cancelada',
};

const phases: Record<ActivityPhase, string> = {
  planning: 'planejamento',
  deployment: 'implantação',
};

/** A date as Brazilian readers write it, e.g. 02/12/2026 (in UTC). */
function dateOf(at: DateTime): string {
  return at.toUTC().setLocale('pt-BR').toLocaleString(DateTime.DATE_SHORT);
}

/** The backend's texts in Brazilian Portuguese. */
export const ptBR: BackendTexts = {
  changedTitle: (number, action, title) =>
    `${number} ${verbs[action]}: ${title}`,
  changedDescription: (number, status) =>
    `A liberação ${number} agora está na situação "${statuses[status]}".`,
  assignedTitle: (number, title) =>
    `${number}: "${title}" foi atribuída a você`,
  assignedDescription: (phase, releaseTitle) =>
    `Uma atividade da fase de ${phases[phase]} de ${releaseTitle}.`,
  approvalRequestedTitle: (number, title) =>
    `${number} aguarda a sua aprovação: ${title}`,
  approvalRequestedDescription: (position, name) =>
    `A etapa ${position}, ${name}, pede a sua decisão.`,
  digestTitle: count =>
    count === 1
      ? '1 atividade de liberação atrasada'
      : `${count} atividades de liberação atrasadas`,
  digestLine: ({ releaseNumber, title, dueAt, now }) =>
    `${releaseNumber} "${title}" (prazo ${dateOf(dueAt)}, ${dueAt.toRelative({
      base: now,
      locale: 'pt-BR',
    })})`,
  digestEnd: more => (more > 0 ? `; e mais ${more}.` : '.'),
  approvalDigestTitle: count =>
    count === 1
      ? '1 liberação aguarda a sua aprovação'
      : `${count} liberações aguardam a sua aprovação`,
  approvalDigestLine: ({ releaseNumber, title, requestedAt, now }) =>
    `${releaseNumber} "${title}" (solicitada em ${dateOf(
      requestedAt,
    )}, ${requestedAt.toRelative({ base: now, locale: 'pt-BR' })})`,
  defaultJustifications: {
    'awaiting-vendor-fix': {
      name: 'Aguardando correção do fornecedor',
      description:
        'Um fornecedor precisa entregar uma correção antes que a liberação possa continuar.',
    },
    'change-freeze': {
      name: 'Congelamento de mudanças',
      description:
        'Um período de congelamento (por exemplo, o fim do ano) impede a implantação por enquanto.',
    },
    'resources-unavailable': {
      name: 'Recursos indisponíveis',
      description:
        'As pessoas ou os ambientes necessários não estão disponíveis.',
    },
    'business-priorities-changed': {
      name: 'Prioridades do negócio mudaram',
      description: 'O negócio pediu para interromper ou adiar a liberação.',
    },
    superseded: {
      name: 'Substituída por outra liberação',
      description: 'Outra liberação entrega a mesma mudança.',
    },
    'duplicate-registration': {
      name: 'Cadastro duplicado',
      description: 'A liberação foi cadastrada duas vezes.',
    },
    'defect-after-closure': {
      name: 'Defeito encontrado após o fechamento',
      description:
        'A mudança liberada apresenta um defeito que exige outro ciclo.',
    },
    'closed-by-mistake': {
      name: 'Fechada por engano',
      description: 'A liberação foi fechada ou cancelada por engano.',
    },
  },
};
