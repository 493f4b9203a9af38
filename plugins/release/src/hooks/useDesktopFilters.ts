import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/** The desktop's filters, kept in the URL so a view can be shared. */
export type DesktopFilters = {
  status: string[];
  q: string;
  type: string;
  priority: string;
  portfolioId: string;
  mine: '' | 'assigned' | 'groups';
  /** `me`: only the releases whose current approval step the user may decide. */
  awaitingApprovalBy: '' | 'me';
  orderBy: string;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
};

export function useDesktopFilters() {
  const [params, setParams] = useSearchParams();

  const filters: DesktopFilters = useMemo(
    () => ({
      status: params.getAll('status'),
      q: params.get('q') ?? '',
      type: params.get('type') ?? '',
      priority: params.get('priority') ?? '',
      portfolioId: params.get('portfolioId') ?? '',
      mine: (params.get('mine') ?? '') as DesktopFilters['mine'],
      awaitingApprovalBy: params.get('awaitingApprovalBy') === 'me' ? 'me' : '',
      orderBy: params.get('orderBy') ?? 'plannedStart',
      order: params.get('order') === 'asc' ? 'asc' : 'desc',
      page: Number(params.get('page') ?? 0),
      pageSize: Number(params.get('pageSize') ?? 25),
    }),
    [params],
  );

  const update = useCallback(
    (changes: Partial<DesktopFilters>) => {
      const next = { ...filters, page: 0, ...changes };
      const search = new URLSearchParams();
      next.status.forEach(s => search.append('status', s));
      for (const key of [
        'q',
        'type',
        'priority',
        'portfolioId',
        'mine',
        'awaitingApprovalBy',
      ] as const) {
        if (next[key]) search.set(key, String(next[key]));
      }
      if (next.orderBy !== 'plannedStart') search.set('orderBy', next.orderBy);
      if (next.order !== 'desc') search.set('order', next.order);
      if (next.page) search.set('page', String(next.page));
      if (next.pageSize !== 25) search.set('pageSize', String(next.pageSize));
      setParams(search, { replace: true });
    },
    [filters, setParams],
  );

  return { filters, update };
}
