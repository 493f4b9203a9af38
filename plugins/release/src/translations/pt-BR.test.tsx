import { Justification } from '@internal/plugin-release-common';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { CalendarPage } from '../components/CalendarPage';
import { ClosedSearchPage } from '../components/ClosedSearchPage';
import { DeliverySection } from '../components/DeliveryFigures';
import { DeliveryPage } from '../components/DeliveryPage';
import { EntityReleaseDeliveryCard } from '../components/EntityReleaseDelivery';
import { JustificationAdminPage } from '../components/JustificationAdminPage';
import { PortfolioListPage } from '../components/PortfolioPages';
import { PortfolioApprovalsCard } from '../components/PortfolioPages/ApprovalPolicies';
import { ModelDialog } from '../components/PortfolioPages/ModelDialog';
import { ReleaseDesktop } from '../components/ReleaseDesktop';
import { ReleaseDetailsPage } from '../components/ReleaseDetailsPage';
import { RegisterReleaseDialog } from '../components/RegisterReleaseDialog';
import { useReleaseNotificationNames } from '../hooks/useReleaseNotificationNames';
import { invalidRequest } from '../__testUtils__/backendError';
import { renderInLanguage } from '../__testUtils__/renderInLanguage';
import {
  aComparison,
  aDeliveryMetrics,
} from '../__testUtils__/deliveryFixtures';
import {
  anApprovalRound,
  aRiskAssessment,
} from '../__testUtils__/approvalFixtures';
import { checkoutService } from '../__testUtils__/entityPage';
import {
  aListItem,
  aRelease,
  historyEntry,
} from '../__testUtils__/releaseFixtures';

/** Fails when any of the English messages shows as a text or a button. */
function expectNoneOf(englishMessages: string[]) {
  const left = englishMessages.filter(
    message =>
      screen.queryAllByText(message).length > 0 ||
      screen.queryAllByRole('button', { name: message }).length > 0,
  );
  expect(left).toEqual([]);
}

describe('the release plugin in Brazilian Portuguese', () => {
  it('shows the desktop, its filters, charts and table in pt-BR', async () => {
    await renderInLanguage('pt-BR', <ReleaseDesktop />, {
      listReleases: jest.fn().mockResolvedValue({
        items: [aListItem()],
        totalCount: 1,
        countsByStatus: { executed: 1, closed: 7 },
      }),
      getBreakdown: jest.fn().mockResolvedValue({
        byStatus: { planning: 2, executed: 1 },
        byPriority: { '1': 1, '3': 2 },
        byExecutorGroup: [{ group: null, count: 1 }],
      }),
      listPortfolios: async () => [],
    });

    expect(
      await screen.findByText('Área de trabalho de liberações'),
    ).toBeInTheDocument();
    expect(screen.getByText('Gerenciamento de Liberação')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Cadastrar liberação' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Executada (1)')).toBeInTheDocument();
    expect(screen.getByText('Fechada (7)')).toBeInTheDocument();
    expect(await screen.findByLabelText('Por situação')).toHaveTextContent(
      'Em planejamento 2 · Executada 1',
    );
    expect(screen.getByLabelText('Por prioridade')).toHaveTextContent(
      '1 · crítica 1 · 3 · média 2',
    );
    expect(screen.getByLabelText('Por grupo executor')).toHaveTextContent(
      'sem grupo 1',
    );
    expect(screen.getByText('Liberações (1)')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Liberações' });
    for (const header of ['Número', 'Título', 'Situação', 'Atividade atual']) {
      expect(
        within(table).getByRole('columnheader', { name: header }),
      ).toBeInTheDocument();
    }
    expect(within(table).getByText('Executada')).toBeInTheDocument();
    expect(within(table).getByText('2 · alta')).toBeInTheDocument();
    expect(
      within(table).getByText('carla.mendes · 2 em aberto'),
    ).toBeInTheDocument();
    for (const action of ['Retrabalho', 'Fechar', 'Cancelar liberação']) {
      expect(
        within(table).getByRole('button', { name: action }),
      ).toBeInTheDocument();
    }

    expectNoneOf([
      'Release management',
      'Release desktop',
      'Portfolios',
      'Calendar',
      'Closed releases',
      'Justifications',
      'Register release',
      'By status',
      'By priority',
      'By executor group',
      'no group',
      'Releases (1)',
      'Number',
      'Title',
      'Status',
      'Priority',
      'Window',
      'Type',
      'Requester',
      'Manager',
      'Executor group',
      'Current activity',
      'Actions',
      'Executed',
      'Executed (1)',
      'Closed (7)',
      '2 · high',
      'minor',
      'Rework',
      'Close',
      'Cancel release',
      'Search number, title, description',
      'Show',
    ]);
  });

  it('shows the release page, its activities, relations, history and a transition dialog in pt-BR', async () => {
    const release = aRelease({
      activities: [],
      allowedActions: ['rework', 'close', 'cancel'],
    });
    await renderInLanguage(
      'pt-BR',
      <Routes>
        <Route path="/release/releases/:id" element={<ReleaseDetailsPage />} />
      </Routes>,
      {
        getRelease: async () => release,
        getHistory: async () => [
          historyEntry({
            id: '1',
            kind: 'transition',
            action: 'suspend',
            fromStatus: 'planning',
            toStatus: 'suspended',
            justificationId: 'j1',
          }),
          historyEntry({
            id: '2',
            kind: 'edited',
            action: 'edit',
            toStatus: null,
            changes: {
              plannedStart: {
                before: null,
                after: '2027-03-10T09:00:00',
              },
              priority: { before: 3, after: 2 },
              impact: { before: 'low', after: 'medium' },
            },
          }),
          historyEntry({
            id: '3',
            kind: 'activity',
            action: 'activity-updated',
            toStatus: null,
            changes: {
              'Smoke test.status': { before: 'pending', after: 'done' },
            },
          }),
        ],
        listJustifications: async (): Promise<Justification[]> => [
          {
            id: 'j1',
            name: 'Congelamento de mudanças',
            description: '',
            active: true,
            appliesTo: ['suspend'],
          },
        ],
      },
      { routeEntries: [`/release/releases/${release.id}`] },
    );

    expect(
      await screen.findByText('REL-000042 · Orders service 2.4'),
    ).toBeInTheDocument();
    expect(screen.getByText('Liberação')).toBeInTheDocument();
    expect(screen.getByText('Executada')).toBeInTheDocument();
    expect(screen.getByText('2 · alta')).toBeInTheDocument();
    for (const tab of [
      'Visão geral',
      'Planejamento',
      'Implantação',
      'Relacionamentos',
      'Impacto',
      'Conflitos',
      'Histórico',
    ]) {
      expect(screen.getByRole('tab', { name: tab })).toBeInTheDocument();
    }
    for (const action of ['Retrabalho', 'Fechar', 'Cancelar liberação']) {
      expect(screen.getByRole('button', { name: action })).toBeInTheDocument();
    }
    expect(screen.getByRole('button', { name: 'Editar' })).toBeEnabled();
    expect(screen.getByText('Justificativa de negócio')).toBeInTheDocument();
    expect(screen.getByText('Janela planejada')).toBeInTheDocument();
    expect(
      screen.getByText('2 · alta (impacto média, urgência alta)'),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Planejamento' }));
    expect(
      await screen.findByText(
        'Ainda não há atividades da fase de planejamento.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Adicionar atividade' }),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Relacionamentos' }));
    expect(
      await screen.findByText('Itens de configuração (ICs)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Mudanças, problemas, incidentes e conhecimentos'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Adicionar relacionamento' }),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Histórico' }));
    expect(
      await screen.findByText('Suspender: Em planejamento → Suspensa · guest'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Justificativa: Congelamento de mudanças'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Início planejado: — → 10/03/2027 09:00; Prioridade: 3 · média → 2 · alta; Impacto: baixa → média',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('"Smoke test" · Situação: pendente → concluída'),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Fechar' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Fechar REL-000042',
    });
    expect(within(dialog).getByLabelText('Resultado')).toBeInTheDocument();
    expect(
      within(dialog).getByLabelText('Notas de fechamento'),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Comentário')).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Cancelar' }),
    ).toBeInTheDocument();

    expectNoneOf([
      'Release',
      'Overview',
      'Planning',
      'Deployment',
      'Relations',
      'Impact',
      'Conflicts',
      'History',
      'Edit',
      'Rework',
      'Close',
      'Cancel release',
      'Executed',
      'Status',
      'Priority',
      'Type',
      'Business justification',
      'Planned window',
      'Registered',
      'No planning activities yet.',
      'Add activity',
      'Configuration items',
      'Changes, problems, incidents and knowledge',
      'None yet.',
      'Relate',
      'Role',
      'Add relation',
      'suspend: Planning → Suspended · guest',
      'plannedStart: null → 2027-03-10T09:00:00; priority: 3 → 2; impact: low → medium',
      'Smoke test.status: pending → done',
      'Outcome',
      'Closure notes',
      'Comment',
      'Cancel',
      'Save',
    ]);
  });

  it('shows the justification catalogue and the calendar in pt-BR', async () => {
    const justification: Justification = {
      id: 'j1',
      name: 'Congelamento de mudanças',
      description: 'Fim de ano',
      active: true,
      appliesTo: ['suspend', 'cancel'],
    };
    const { unmount } = await renderInLanguage(
      'pt-BR',
      <JustificationAdminPage />,
      { listJustifications: async () => [justification] },
    );
    expect(
      await screen.findByText('Catálogo de justificativas'),
    ).toBeInTheDocument();
    const row = (await screen.findByText('Congelamento de mudanças')).closest(
      'tr',
    )!;
    expect(within(row).getByText('suspender, cancelar')).toBeInTheDocument();
    expect(within(row).getByText('sim')).toBeInTheDocument();
    expect(
      within(row).getByRole('button', { name: 'Desativar' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Adicionar um motivo')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Adicionar motivo' }),
    ).toBeInTheDocument();
    expectNoneOf([
      'Justification catalogue',
      'Reasons',
      'Name',
      'Applies to',
      'suspend, cancel',
      'yes',
      'Deactivate',
      'Add a reason',
      'Add reason',
    ]);
    unmount();

    await renderInLanguage('pt-BR', <CalendarPage />, {
      getCalendar: async () => [],
      getBlackouts: async () => ({ windows: [], occurrences: [] }),
    });
    expect(
      await screen.findByText('Calendário de liberações'),
    ).toBeInTheDocument();
    for (const button of ['Anterior', 'Hoje', 'Próximo', 'Mês', 'Semana']) {
      expect(screen.getByRole('button', { name: button })).toBeInTheDocument();
    }
    expect(
      screen.getByRole('grid', { name: 'Calendário' }),
    ).toBeInTheDocument();
    expectNoneOf(['Release calendar', 'Previous', 'Today', 'Next', 'Month']);
  });

  it('shows the advanced search of closed releases in pt-BR', async () => {
    await renderInLanguage('pt-BR', <ClosedSearchPage />, {
      searchClosed: async () => ({
        items: [],
        totalCount: 0,
        totalCountCapped: false,
      }),
      listJustifications: async () => [],
      listPortfolios: async () => [],
    });
    expect(
      await screen.findByText('Nenhuma liberação encerrada encontrada'),
    ).toBeInTheDocument();
    expect(screen.getByText('Liberações encerradas')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Pesquisar' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Baixar CSV' })).toBeDisabled();
    expect(screen.getByLabelText('Incluir canceladas')).toBeInTheDocument();
    expect(screen.getByLabelText('Aberta de')).toBeInTheDocument();
    expectNoneOf([
      'Closed releases',
      'Search',
      'Download CSV',
      'No closed releases match',
      'Include cancelled',
      'Opened from',
    ]);
  });

  it('shows the release portfolios in pt-BR', async () => {
    await renderInLanguage('pt-BR', <PortfolioListPage />, {
      listPortfolios: async () => [
        {
          id: 'p1',
          name: 'Loja',
          description: 'Vendas online',
          ownerGroup: 'group:default/storefront-team',
          icon: null,
          authorizerGroup: null,
          approvalPolicy: null,
          emergencyApprovalPolicy: null,
        },
      ],
    });
    expect(await screen.findByText('Loja')).toBeInTheDocument();
    expect(screen.getByText('Portfólios de liberação')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Novo portfólio' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('columnheader', { name: 'Grupo proprietário' }),
    ).toBeInTheDocument();
    expectNoneOf([
      'Release portfolios',
      'Portfolios',
      'New portfolio',
      'Owner group',
      'Authorizer group',
    ]);
  });

  it('shows the awaiting-my-approval filter with its count in pt-BR', async () => {
    await renderInLanguage('pt-BR', <ReleaseDesktop />, {
      listReleases: jest.fn().mockResolvedValue({
        items: [aListItem()],
        totalCount: 1,
        countsByStatus: { executed: 1 },
      }),
      getBreakdown: jest.fn().mockResolvedValue({
        byStatus: {},
        byPriority: {},
        byExecutorGroup: [],
      }),
      countAwaitingMyApproval: async () => 2,
      listPortfolios: async () => [],
    });
    expect(
      await screen.findByRole('button', {
        name: 'Aguardando minha aprovação (2)',
      }),
    ).toHaveAttribute('aria-pressed', 'false');
    expectNoneOf(['Awaiting my approval (2)', 'Awaiting my approval']);
  });

  it("edits a model's approval policy, readiness and lead time in pt-BR", async () => {
    const updateModel = jest.fn();
    await renderInLanguage(
      'pt-BR',
      <ModelDialog
        portfolioId="p1"
        model={{
          id: 'm1',
          portfolioId: 'p1',
          name: 'Migração',
          description: '',
          category: null,
          defaultExecutorGroup: null,
          defaultImpact: null,
          defaultUrgency: null,
          lifecycle: 'active',
          planningTemplates: [],
          deploymentTemplates: [],
          approvalPolicy: {
            steps: [
              {
                name: 'CAB',
                approvers: [
                  { kind: 'group', group: 'group:default/release-managers' },
                  {
                    kind: 'impacted-owners',
                    entityKinds: ['system'],
                    maxDistance: 1,
                  },
                ],
                quorum: 2,
                condition: { kind: 'risk-at-least', level: 'high' },
              },
            ],
          },
          emergencyApprovalPolicy: null,
          readiness: ['backout-plan'],
          minimumLeadTimeHours: 24,
        }}
        onClose={jest.fn()}
        onSaved={jest.fn()}
      />,
      { updateModel },
    );
    const policy = await screen.findByRole('group', {
      name: 'Política de aprovação',
    });
    expect(within(policy).getByLabelText('Etapas de aprovação')).toBeChecked();
    const step = within(policy).getByRole('group', { name: 'Etapa 1' });
    for (const label of [
      'Nome da etapa',
      'Grupos do catálogo',
      'Proprietários das entidades impactadas',
      'sistemas',
      'Distância máxima (saltos)',
      'O solicitante',
      'Aprovações necessárias',
      'Risco mínimo',
    ]) {
      expect(within(step).getByLabelText(label)).toBeInTheDocument();
    }
    expect(
      within(step).getByRole('button', { name: 'Subir etapa 1' }),
    ).toBeDisabled();
    await userEvent.click(
      within(step).getByRole('button', {
        name: 'Adicionar outro conjunto de proprietários',
      }),
    );
    expect(
      within(step).getByRole('group', { name: 'Proprietários, conjunto 2' }),
    ).toBeInTheDocument();
    expect(
      within(step).getByRole('button', {
        name: 'Remover o conjunto 2 de proprietários',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('group', { name: 'Política de aprovação emergencial' }),
    ).toHaveTextContent('Usar a do portfólio');
    expect(screen.getByLabelText('Plano de reversão')).toBeChecked();
    expect(screen.getByLabelText('Antecedência mínima (horas)')).toHaveValue(
      24,
    );

    const quorum = within(step).getByLabelText('Aprovações necessárias');
    fireEvent.change(quorum, { target: { value: '51' } });
    await userEvent.click(screen.getByRole('button', { name: 'Salvar' }));
    expect(
      within(step).getByText('deve ser um número inteiro de 1 a 50'),
    ).toBeInTheDocument();
    expect(updateModel).not.toHaveBeenCalled();
    expectNoneOf([
      'Approval policy',
      'Emergency approval policy',
      'Step 1',
      'Step name',
      'Catalog groups',
      'Owners of impacted entities',
      'The requester',
      'Quorum',
      'Applies',
      'Add a step',
      'Add another set of owners',
      'Backout plan',
      'Minimum lead time (hours)',
      'must be a whole number from 1 to 50',
    ]);
  });

  it("says a portfolio's approval policies in words in pt-BR", async () => {
    await renderInLanguage(
      'pt-BR',
      <PortfolioApprovalsCard
        portfolio={{
          id: 'p1',
          name: 'Loja',
          description: '',
          icon: null,
          ownerGroup: null,
          authorizerGroup: null,
          approvalPolicy: {
            steps: [
              {
                name: 'CAB',
                approvers: [{ kind: 'group', group: 'group:default/cab' }],
                quorum: 2,
                condition: { kind: 'risk-at-least', level: 'high' },
              },
              {
                name: 'Donos',
                approvers: [
                  {
                    kind: 'impacted-owners',
                    entityKinds: ['system', 'api'],
                    maxDistance: 2,
                  },
                  {
                    kind: 'impacted-owners',
                    entityKinds: ['domain'],
                    maxDistance: 1,
                  },
                  { kind: 'requester' },
                ],
                quorum: 'all',
                condition: { kind: 'type-is', types: ['major', 'emergency'] },
              },
            ],
          },
          emergencyApprovalPolicy: null,
        }}
      />,
      {},
    );
    expect(
      await screen.findByText(
        'Política de aprovação: 1. CAB — 2 entre group:default/cab, ' +
          'quando a classificação de risco for alta ou superior; ' +
          '2. Donos — todos entre os proprietários das entidades impactadas ' +
          '(sistemas e APIs, ≤ 2 saltos), os proprietários das entidades ' +
          'impactadas (domínios, ≤ 1 salto) ou o solicitante, ' +
          'quando o tipo for maior ou emergencial',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Política de aprovação emergencial: vale a política de aprovação',
      ),
    ).toBeInTheDocument();
  });

  it("shows a portfolio's delivery figures, trends and unrecovered failures in pt-BR", async () => {
    await renderInLanguage('pt-BR', <DeliverySection portfolioId="p1" />, {
      getDeliveryMetrics: async () => aDeliveryMetrics({ unrecoveredTotal: 4 }),
    });

    const frequency = await screen.findByRole('group', {
      name: 'Frequência de liberação',
    });
    expect(frequency).toHaveTextContent('1,0 por semana');
    expect(frequency).toHaveTextContent('26 liberações executadas');
    expect(frequency).toHaveTextContent('Alto');
    const leadTime = screen.getByRole('group', {
      name: 'Tempo de espera (lead time)',
    });
    expect(leadTime).toHaveTextContent('2 dias, 4 horas');
    expect(leadTime).toHaveTextContent('percentil 90: 5 dias');
    expect(leadTime).toHaveTextContent('Médio');
    const failureRate = screen.getByRole('group', {
      name: 'Taxa de falha de mudança',
    });
    expect(failureRate).toHaveTextContent('3 de 20 fechadas');
    expect(failureRate).toHaveTextContent('Baixo');
    const recovery = screen.getByRole('group', {
      name: 'Tempo de recuperação',
    });
    expect(recovery).toHaveTextContent('5 horas');
    expect(recovery).toHaveTextContent('2 falhas recuperadas');
    expect(recovery).toHaveTextContent('Elite');
    expect(screen.getByText('Entrega')).toBeInTheDocument();
    expect(screen.getByLabelText('Período')).toHaveTextContent(
      'Últimos 6 meses',
    );
    expect(screen.getByLabelText('Tendência por')).toHaveTextContent('Mês');
    expect(
      screen.getByRole('figure', { name: 'Liberações por período' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Baixar CSV' }),
    ).toBeInTheDocument();
    const unrecovered = screen.getByRole('table', {
      name: 'Liberações com falha ainda não recuperadas',
    });
    expect(unrecovered).toHaveTextContent('3 dias, 2 horas');
    for (const header of ['Número', 'Título', 'Falhou em', 'Em aberto há']) {
      expect(
        within(unrecovered).getByRole('columnheader', { name: header }),
      ).toBeInTheDocument();
    }
    expect(
      screen.getByText('E mais 3, com falha depois destas.'),
    ).toBeInTheDocument();
    expectNoneOf([
      'Delivery',
      'Release frequency',
      'Lead time',
      'Change failure rate',
      'Recovery time',
      '1.0 per week',
      '26 releases executed',
      'And 3 more, failed after these.',
      'High',
      'Medium',
      'Low',
      'Period',
      'Trend per',
      'Last 6 months',
      'Month',
      'Releases per period',
      'Lead time and recovery (median, days)',
      'Change failure rate (%)',
      'Download CSV',
      'Failed releases not yet recovered',
      'Failed at',
      'Open for',
    ]);
  });

  it("shows an entity's delivery card and the delivery comparison in pt-BR", async () => {
    const { unmount } = await renderInLanguage(
      'pt-BR',
      <EntityProvider entity={checkoutService}>
        <EntityReleaseDeliveryCard />
      </EntityProvider>,
      { getDeliveryMetrics: async () => aDeliveryMetrics() },
    );
    expect(
      await screen.findByRole('group', { name: 'Taxa de falha de mudança' }),
    ).toHaveTextContent('15%');
    expect(screen.getByText('Entrega')).toBeInTheDocument();
    expect(screen.getByText('Últimos 12 meses')).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'Liberações executadas por mês' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Comparar com outros sistemas e grupos'),
    ).toBeInTheDocument();
    expectNoneOf([
      'Delivery',
      'Last 12 months',
      'Compare with other systems and groups',
      'Release frequency',
    ]);
    unmount();

    await renderInLanguage('pt-BR', <DeliveryPage />, {
      getDeliveryComparison: async ({ dimension }) => aComparison(dimension),
    });
    const table = await screen.findByRole('table', {
      name: 'Comparação de entrega',
    });
    expect(screen.getByText('Indicadores de entrega')).toBeInTheDocument();
    expect(screen.getByText('Lado a lado')).toBeInTheDocument();
    expect(screen.getByLabelText('Comparar')).toHaveTextContent(
      'Grupos executores',
    );
    for (const header of [
      'Grupo executor',
      'Frequência de liberação',
      'Tempo de espera (lead time)',
      'Taxa de falha de mudança',
      'Tempo de recuperação',
      'Taxa de retrabalho',
      'Executadas',
    ]) {
      expect(
        within(table).getByRole('columnheader', { name: header }),
      ).toBeInTheDocument();
    }
    expect(within(table).getAllByText('Sem nível')).toHaveLength(1);
    expectNoneOf([
      'Delivery figures',
      'Side by side',
      'Compare',
      'Executor groups',
      'Executor group',
      'Rework rate',
      'Executed',
      'No level',
    ]);
  });

  it('names the notification topics in pt-BR for the settings page', async () => {
    const Names = () => {
      const { originNames, topicNames } = useReleaseNotificationNames();
      return (
        <ul>
          {Object.entries({ ...originNames, ...topicNames }).map(
            ([id, name]) => (
              <li key={id}>{`${id}: ${name}`}</li>
            ),
          )}
        </ul>
      );
    };
    await renderInLanguage('pt-BR', <Names />, {});
    for (const line of [
      'plugin:release: Gerenciamento de Liberação',
      'release-register: Liberação cadastrada',
      'release-suspend: Liberação suspensa',
      'release-activity-assigned: Atividade atribuída a mim',
      'release-overdue-digest: Resumo de atividades atrasadas',
    ]) {
      expect(await screen.findByText(line)).toBeInTheDocument();
    }
    expect(
      screen.getByText('release-request-authorization: Autorização solicitada'),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(16);
    expect(
      screen.queryByText(/: Release|: Activity|: Overdue|: Back to/),
    ).toBeNull();
  });

  it('says what is wrong with a field in pt-BR, found by the form or by the server', async () => {
    const registerRelease = jest.fn();
    await renderInLanguage(
      'pt-BR',
      <RegisterReleaseDialog onClose={jest.fn()} onRegistered={jest.fn()} />,
      { registerRelease, listPortfolios: async () => [] },
    );
    const register = await screen.findByRole('button', { name: 'Cadastrar' });

    await userEvent.click(register);
    expect(screen.getByLabelText(/Título/)).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(screen.getByText('é obrigatório')).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText(/Título/), 'Pedidos 2.4');
    fireEvent.change(screen.getByLabelText('Início planejado'), {
      target: { value: '2027-03-10T11:00' },
    });
    fireEvent.change(screen.getByLabelText('Fim planejado'), {
      target: { value: '2027-03-10T09:00' },
    });
    await userEvent.click(register);
    expect(
      screen.getByText('deve ser depois do início planejado'),
    ).toBeInTheDocument();
    expect(registerRelease).not.toHaveBeenCalled();
    expectNoneOf(['is required', 'must be after plannedStart']);
  });

  it("says the server's refusal of a bad URL in pt-BR on its field", async () => {
    const addRelation = jest.fn().mockRejectedValue(
      invalidRequest(
        { field: 'url', message: 'must be an http(s) URL' },
        {
          field: 'system',
          message: 'Too big: expected string to have <=100 characters',
        },
        { field: 'extra', message: 'unknown field' },
      ),
    );
    const release = aRelease({ activities: [], relations: [] });
    await renderInLanguage(
      'pt-BR',
      <Routes>
        <Route path="/release/releases/:id" element={<ReleaseDetailsPage />} />
      </Routes>,
      {
        getRelease: async () => release,
        getHistory: async () => [],
        listJustifications: async () => [],
        addRelation,
      },
      { routeEntries: [`/release/releases/${release.id}`] },
    );
    await userEvent.click(
      await screen.findByRole('tab', { name: 'Relacionamentos' }),
    );
    await userEvent.click(await screen.findByLabelText('Relacionar'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'mudança' }),
    );
    await userEvent.type(
      screen.getByLabelText('Chave (p. ex. CHG-1042)'),
      'CHG-1',
    );
    await userEvent.type(screen.getByLabelText('Título'), 'Esquema');
    await userEvent.type(screen.getByLabelText('Link'), 'ftp://x');
    await userEvent.click(
      screen.getByRole('button', { name: 'Adicionar relacionamento' }),
    );

    expect(
      await screen.findByText('deve ser uma URL http(s)'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Link')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(
      screen.getByText('deve ter no máximo 100 caracteres'),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Pedido inválido: extra: campo desconhecido',
    );
    expectNoneOf([
      'must be an http(s) URL',
      'Too big: expected string to have <=100 characters',
    ]);
    expect(screen.queryByText(/Invalid request|unknown field/)).toBeNull();
  });

  // Approval, readiness and risk on the release page (docs/approvals.md).
  it('shows the approval round, the readiness checklist and the risk in pt-BR', async () => {
    const release = aRelease({
      status: 'awaiting-approval',
      allowedActions: ['suspend', 'cancel'],
      backoutPlan: 'Reimplantar a 2.3.9',
      testEvidenceUrl: 'https://ci.example.com/run/812',
      approvals: anApprovalRound(),
      readiness: [
        { item: 'deployment-activities', present: true },
        { item: 'test-evidence', present: false },
      ],
      riskAssessment: aRiskAssessment(),
    });
    await renderInLanguage(
      'pt-BR',
      <Routes>
        <Route path="/release/releases/:id" element={<ReleaseDetailsPage />} />
      </Routes>,
      {
        getRelease: async () => release,
        getHistory: async () => [],
        listJustifications: async () => [],
      },
      { routeEntries: [`/release/releases/${release.id}`] },
    );

    expect(await screen.findByText('Aguardando aprovação')).toBeInTheDocument();
    expect(
      screen.getByText('A etapa 2 · Service owners aguarda a sua decisão.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Plano de retorno')).toBeInTheDocument();
    expect(screen.getByText('Link da evidência de testes')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Aprovação' }));
    const checklist = screen.getByRole('list', {
      name: 'Lista de verificação de prontidão',
    });
    expect(
      within(checklist).getByText('Atividades de implantação'),
    ).toBeInTheDocument();
    expect(within(checklist).getByText('ausente')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Falta 1 item exigido pelo modelo de liberação: ainda não é possível solicitar a autorização.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Rodada 1')).toBeInTheDocument();
    expect(screen.getByText('Aguardando decisões')).toBeInTheDocument();
    expect(screen.getByText('Política padrão')).toBeInTheDocument();
    expect(screen.getByText('Do portfólio')).toBeInTheDocument();
    const steps = screen.getByRole('list', { name: 'Etapas de aprovação' });
    expect(
      within(steps).getByText('Quórum: 1 aprovação · 1 de 1 aprovadas'),
    ).toBeInTheDocument();
    expect(
      within(steps).getByText(/^Aprovou · 01\/03\/2027/),
    ).toBeInTheDocument();
    expect(
      within(steps).getByText(
        'Não exigida porque o risco (baixa) está abaixo de alta',
      ),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Rejeitar' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Rejeitar a etapa 2 · Service owners de REL-000042',
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Rejeitar' }),
    );
    expect(
      within(dialog).getByText('é obrigatório um comentário dizendo por quê'),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancelar' }),
    );

    await userEvent.click(screen.getByRole('tab', { name: 'Risco' }));
    expect(screen.getByText('Pontuação')).toBeInTheDocument();
    expect(screen.getByText('Nível sugerido')).toBeInTheDocument();
    expect(
      screen.getByText('Entidades em produção · 3 entidades'),
    ).toBeInTheDocument();
    expect(screen.getByText('+24 pontos')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Taxa de falha de liberações anteriores · 25% com falha',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Pouca antecedência · 20 horas antes do início planejado, abaixo do mínimo de 1 dia',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Por causa de: Plano de retorno'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Definir risco' }),
    );
    const riskDialog = await screen.findByRole('dialog', {
      name: 'Definir o risco de REL-000042',
    });
    fireEvent.mouseDown(within(riskDialog).getByLabelText('Nível'));
    await userEvent.click(await screen.findByRole('option', { name: 'alta' }));
    await userEvent.click(
      within(riskDialog).getByRole('button', { name: 'Salvar' }),
    );
    expect(
      within(riskDialog).getByText(
        'é obrigatória para definir o risco como alta: a avaliação sugere média',
      ),
    ).toBeInTheDocument();
    expect(
      within(riskDialog).getByLabelText('Justificativa (obrigatória)'),
    ).toBeInTheDocument();

    expectNoneOf([
      'Awaiting approval',
      'Approval',
      'Risk',
      'Backout plan',
      'Test evidence link',
      'Readiness',
      'Deployment activities',
      'missing',
      'present',
      'Round 1',
      'Awaiting decisions',
      'Standard policy',
      'From the portfolio',
      'Approve',
      'Reject',
      'Score',
      'Suggested level',
      'Current level',
      'What adds to the score',
      '+24 points',
      'Set risk',
      'a rejection needs a comment saying why',
      'is required to set the risk to high: the assessment suggests medium',
      'Because of: Backout plan',
    ]);
    expect(screen.queryByText(/Quorum|Not required|awaits your/)).toBeNull();
  });

  it('asks for authorization in pt-BR, naming what the release model still misses', async () => {
    const release = aRelease({
      status: 'planning',
      allowedActions: ['request-authorization', 'suspend', 'cancel'],
      approvals: { ...aRelease().approvals, policySource: 'portfolio' },
      readiness: [
        { item: 'backout-plan', present: false },
        { item: 'change-record', present: false },
      ],
    });
    await renderInLanguage(
      'pt-BR',
      <Routes>
        <Route path="/release/releases/:id" element={<ReleaseDetailsPage />} />
      </Routes>,
      {
        getRelease: async () => release,
        getHistory: async () => [],
        listJustifications: async () => [],
      },
      { routeEntries: [`/release/releases/${release.id}`] },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Solicitar autorização' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Solicitar autorização REL-000042',
    });
    expect(
      within(dialog).getByText(
        'O modelo de liberação exige estes itens antes de solicitar a autorização: Plano de retorno, Registro de mudança.',
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(/a liberação fica em Aguardando aprovação/),
    ).toBeInTheDocument();
    expectNoneOf(['Request authorization', 'Backout plan', 'Change record']);
  });
});
