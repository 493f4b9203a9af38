import {
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
  PermissionsServiceRequestOptions,
} from '@backstage/backend-plugin-api';
import {
  AuthorizePermissionRequest,
  AuthorizePermissionResponse,
  PolicyDecision,
  QueryPermissionRequest,
} from '@backstage/plugin-permission-common';

type Entry = { expiresAt: number; decisions: Promise<unknown[]> };

/** Entries kept at most, so a burst of sign-ins cannot grow memory unbounded. */
const MAX_ENTRIES = 10_000;

/**
 * The permission framework's answers for a signed-in user, remembered for a
 * few seconds. Each check is otherwise a round trip to the permission backend
 * (signing a token, verifying two), which costs more than most release reads.
 *
 * A user's decisions depend on the policy and on the claims of their token.
 * The key holds the user and the token's expiry, so a new token (new group
 * memberships) asks again at once; the time to live bounds how long a
 * changed policy may go unseen. Service and anonymous callers are not cached,
 * nor are failures. Concurrent identical checks share one call.
 */
export class CachingPermissions implements PermissionsService {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly inner: PermissionsService,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  authorize(
    requests: AuthorizePermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<AuthorizePermissionResponse[]> {
    return this.remembered('authorize', requests, options, () =>
      this.inner.authorize(requests, options),
    );
  }

  authorizeConditional(
    requests: QueryPermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<PolicyDecision[]> {
    return this.remembered('conditional', requests, options, () =>
      this.inner.authorizeConditional(requests, options),
    );
  }

  private remembered<T>(
    method: string,
    requests: Array<{ permission: { name: string }; resourceRef?: string }>,
    options: PermissionsServiceRequestOptions,
    ask: () => Promise<T[]>,
  ): Promise<T[]> {
    const key = this.keyOf(method, requests, options.credentials);
    if (!key) {
      return ask();
    }
    const at = this.now();
    const found = this.entries.get(key);
    if (found && found.expiresAt > at) {
      return found.decisions as Promise<T[]>;
    }
    this.entries.delete(key);
    this.evictExpired(at);
    const decisions = ask();
    this.entries.set(key, { expiresAt: at + this.ttlMs, decisions });
    decisions.catch(() => {
      if (this.entries.get(key)?.decisions === decisions) {
        this.entries.delete(key);
      }
    });
    return decisions;
  }

  private keyOf(
    method: string,
    requests: Array<{ permission: { name: string }; resourceRef?: string }>,
    credentials: BackstageCredentials,
  ): string | undefined {
    const principal = credentials.principal as
      | Partial<BackstageUserPrincipal>
      | undefined;
    if (
      this.ttlMs <= 0 ||
      principal?.type !== 'user' ||
      !principal.userEntityRef ||
      !credentials.expiresAt
    ) {
      return undefined;
    }
    const asked = requests.map(
      r => `${r.permission.name}@${r.resourceRef ?? ''}`,
    );
    return [
      method,
      principal.userEntityRef,
      credentials.expiresAt.getTime(),
      ...asked,
    ].join('\n');
  }

  /** Entries expire in the order they were added: drop from the front. */
  private evictExpired(at: number) {
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > at && this.entries.size < MAX_ENTRIES) {
        return;
      }
      this.entries.delete(key);
    }
  }
}
