import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { Entity, RELATION_MEMBER_OF } from '@backstage/catalog-model';

/**
 * The user info service as a portal's sign-in resolver fills it: a user's
 * ownership refs are the user and the groups the catalog says they are a
 * member of.
 */
export function catalogUserInfoFactory(entities: Entity[]) {
  const groupsOf = new Map<string, string[]>();
  for (const entity of entities) {
    if (entity.kind !== 'User') continue;
    const ref = `user:${entity.metadata.namespace ?? 'default'}/${
      entity.metadata.name
    }`.toLocaleLowerCase();
    groupsOf.set(
      ref,
      (entity.relations ?? [])
        .filter(r => r.type === RELATION_MEMBER_OF)
        .map(r => r.targetRef),
    );
  }
  return createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory: () => ({
      async getUserInfo(credentials: any) {
        const user = credentials.principal.userEntityRef as string;
        return {
          userEntityRef: user,
          ownershipEntityRefs: [user, ...(groupsOf.get(user) ?? [])],
        };
      },
    }),
  });
}
