import { renderInTestApp } from '@backstage/test-utils';
import { SearchResultListItemExtensions } from '@backstage/plugin-search-react';
import { ReleaseSearchDocument } from '@internal/plugin-release-common';
import { screen, within } from '@testing-library/react';
import { ReleaseSearchResultListItem as ReleaseSearchResultExtension } from '../../plugin';
import { releaseFormats } from '../labels';
import { ReleaseSearchResultListItem } from './ReleaseSearchResultListItem';

const english = releaseFormats('en');

const id = '6f1c1d1e-0000-4000-8000-000000000001';

function aDocument(
  overrides: Partial<ReleaseSearchDocument> = {},
): ReleaseSearchDocument {
  return {
    title: 'REL-000042 Orders service 2.4',
    text: 'Split payments for large baskets\n\nCustomers asked for it',
    location: `/release/releases/${id}`,
    number: 'REL-000042',
    status: 'closed',
    type: 'minor',
    priority: 2,
    plannedStart: '2027-03-10T09:00:00.000Z',
    plannedEnd: '2027-03-10T11:00:00.000Z',
    closedAt: '2027-03-11T08:30:00.000Z',
    portfolioName: 'Digital commerce',
    entityRefs: ['component:default/orders-service'],
    ...overrides,
  };
}

describe('ReleaseSearchResultListItem', () => {
  it('shows the number and title linking to the release, its state and planned window', async () => {
    const release = aDocument();
    await renderInTestApp(<ReleaseSearchResultListItem result={release} />);

    const link = screen.getByRole('link', {
      name: 'REL-000042 Orders service 2.4',
    });
    expect(link).toHaveAttribute('href', `/release/releases/${id}`);
    expect(screen.getByText('Closed')).toBeInTheDocument();
    expect(
      screen.getByText(
        `Planned: ${english.window(release.plannedStart, release.plannedEnd)}`,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(`Closed: ${english.dateTime(release.closedAt)}`),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Priority 2 · high · minor · Digital commerce'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Split payments for large baskets/),
    ).toBeInTheDocument();
  });

  it('says when a release is not planned yet, and leaves out what it lacks', async () => {
    await renderInTestApp(
      <ReleaseSearchResultListItem
        result={aDocument({
          status: 'registered',
          plannedStart: null,
          plannedEnd: null,
          closedAt: null,
          portfolioName: null,
        })}
      />,
    );
    expect(screen.getByText('Registered')).toBeInTheDocument();
    expect(screen.getByText('Planned: not planned')).toBeInTheDocument();
    expect(screen.queryByText(/^Closed/)).not.toBeInTheDocument();
    expect(screen.getByText('Priority 2 · high · minor')).toBeInTheDocument();
  });

  it('marks the words the search engine highlighted', async () => {
    await renderInTestApp(
      <ReleaseSearchResultListItem
        result={aDocument()}
        highlight={{
          preTag: '<em>',
          postTag: '</em>',
          fields: {
            title: 'REL-000042 <em>Orders</em> service 2.4',
            text: 'Split <em>payments</em> for large baskets',
          },
        }}
      />,
    );
    const link = screen.getByRole('link', {
      name: 'REL-000042 Orders service 2.4',
    });
    expect(within(link).getByText('Orders').tagName).toBe('MARK');
    expect(screen.getByText('payments').tagName).toBe('MARK');
  });

  it('as a search result extension, renders release results and leaves the others', async () => {
    await renderInTestApp(
      <SearchResultListItemExtensions
        results={[
          { type: 'release', document: aDocument() },
          {
            type: 'software-catalog',
            document: {
              title: 'orders-service',
              text: 'The orders service',
              location: '/catalog/default/component/orders-service',
            },
          },
        ]}
      >
        <ReleaseSearchResultExtension />
      </SearchResultListItemExtensions>,
    );
    expect(
      await screen.findByRole('link', {
        name: 'REL-000042 Orders service 2.4',
      }),
    ).toHaveAttribute('href', `/release/releases/${id}`);
    expect(screen.getByText('orders-service')).toBeInTheDocument();
    expect(screen.getAllByText('Closed')).toHaveLength(1);
  });
});
