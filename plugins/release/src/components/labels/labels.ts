/** `user:default/ana.souza` reads as `ana.souza`. */
export function shortRef(ref: string | null | undefined): string {
  if (!ref) return '';
  return ref.replace(/^[^:]+:(default\/)?/, '');
}
