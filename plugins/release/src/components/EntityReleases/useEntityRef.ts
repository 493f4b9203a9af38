import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';

/** The current entity page's ref, in the lowercase form releases store. */
export function useEntityRef(): string {
  const { entity } = useEntity();
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}
