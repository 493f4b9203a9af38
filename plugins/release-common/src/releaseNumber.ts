/**
 * The human id of the n-th release, e.g. `REL-000042`.
 *
 * @public
 */
export function formatReleaseNumber(sequence: number): string {
  return `REL-${String(sequence).padStart(6, '0')}`;
}

/**
 * The sequence in a human id (`REL-000042` gives 42), or undefined when the
 * text is not one.
 *
 * @public
 */
export function parseReleaseNumber(text: string): number | undefined {
  const match = /^REL-(\d{1,12})$/i.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}
