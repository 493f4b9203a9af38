import {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';

/**
 * Runs a use case inside an auditor event: success with its metadata, or
 * failure with the error, so every change (and every refused one) is traced.
 */
export async function audited<T>(
  auditor: AuditorService,
  options: {
    eventId: string;
    credentials: BackstageCredentials;
    meta: Record<string, unknown>;
    severityLevel?: 'low' | 'medium' | 'high' | 'critical';
  },
  work: () => Promise<T>,
): Promise<T> {
  const event = await auditor.createEvent({
    eventId: options.eventId,
    severityLevel: options.severityLevel ?? 'medium',
    meta: { ...options.meta, actor: actorOf(options.credentials) },
  });
  try {
    const result = await work();
    await event.success();
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}

/** The entity ref (user) or subject (service) acting. */
export function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user' && principal.userEntityRef) {
    return principal.userEntityRef;
  }
  if (principal.type === 'service' && principal.subject) {
    return principal.subject;
  }
  return principal.type;
}

/** The signed-in user's entity ref, or undefined for services. */
export function userRefOf(
  credentials: BackstageCredentials,
): string | undefined {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
  };
  return principal.type === 'user' ? principal.userEntityRef : undefined;
}
