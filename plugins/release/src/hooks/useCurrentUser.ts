import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';

/** The signed-in user's entity ref and the groups they belong to. */
export function useCurrentUser() {
  const identityApi = useApi(identityApiRef);
  const { value } = useAsync(
    () => identityApi.getBackstageIdentity(),
    [identityApi],
  );
  return {
    userRef: value?.userEntityRef,
    groupRefs:
      value?.ownershipEntityRefs.filter(ref => ref.startsWith('group:')) ?? [],
  };
}
