/** Upstream's audit wording (reference §6). */

/** `start` → `starting`, `stop` → `stopping`, `restart` → `restarting`, `pull` → `pulling`. */
export function gerund(action: string): string {
  const a = action.toLowerCase()
  if (a === 'stop') return 'stopping'
  if (a.endsWith('e') && !a.endsWith('ee')) return `${a.slice(0, -1)}ing`
  return `${a}ing`
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

/** Container names joined with `, `; with `collapseAt`, that many or more become `N containers`. */
export function formatWhat(names: readonly string[], collapseAt?: number): string {
  if (collapseAt !== undefined && names.length >= collapseAt) return `${names.length} containers`
  return names.join(', ')
}

export const actionMessage = (who: string, action: string, what: string): string => `${who} is ${gerund(action)} ${what}.`
export const successMessage = (action: string, what: string): string => `${capitalize(action.toLowerCase())} of ${what} succeeded.`
export const errorMessage = (action: string, what: string, message?: string): string =>
  `Failed to ${action.toLowerCase()} ${what}!${message ? ` (message: ${message})` : ''}`

/** The sentence for an audit event. */
export function auditMessage(event: {kind: string; who: string; action: string; error?: string; containers: readonly {name: string}[]}, collapseAt?: number): string {
  const what = formatWhat(event.containers.map((c) => c.name), collapseAt)
  if (event.kind === 'action') return actionMessage(event.who, event.action, what)
  if (event.kind === 'success') return successMessage(event.action, what)
  return errorMessage(event.action, what, event.error)
}
