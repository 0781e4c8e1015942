import type {ContainerSummary} from '../api/docker.js'

/** The exit code in Docker's status text (`Exited (3) 5 seconds ago`), or undefined when it names none. */
export function exitCodeOf(status: string): number | undefined {
  const m = /^Exited \((-?\d+)\)/i.exec(status.trim())
  return m ? Number(m[1]) : undefined
}

const WILDCARD: ReadonlySet<string> = new Set(['', '0.0.0.0', '::'])

/** One published port; `hostIp` is undefined when bound to every address. */
export interface PublishedPort {
  readonly hostIp?: string
  readonly hostPort: number
  readonly containerPort: number
  readonly protocol: string
}

/** `8080->80/tcp`, or `127.0.0.1:8080->80/tcp` when bound to one address. */
export const portText = (p: PublishedPort): string =>
  `${p.hostIp === undefined ? '' : `${p.hostIp.includes(':') ? `[${p.hostIp}]` : p.hostIp}:`}${p.hostPort}->${p.containerPort}/${p.protocol}`

/**
 * Published ports, sorted, each once: Docker lists a port bound to every address twice (IPv4 and IPv6).
 * Exposed but unpublished ports are left out.
 */
export function publishedPorts(ports: ContainerSummary['Ports']): PublishedPort[] {
  const seen = new Map<string, PublishedPort>()
  const sorted = [...(ports ?? [])].filter((p) => p.PublicPort !== undefined).sort((a, b) => (a.PublicPort ?? 0) - (b.PublicPort ?? 0) || a.PrivatePort - b.PrivatePort || a.Type.localeCompare(b.Type))
  for (const p of sorted) {
    const port: PublishedPort = {...(WILDCARD.has(p.IP ?? '') ? {} : {hostIp: p.IP}), hostPort: p.PublicPort!, containerPort: p.PrivatePort, protocol: p.Type}
    seen.set(portText(port), port)
  }
  return [...seen.values()]
}

/** The status row's text after the state word: `for 5s (exit 3)`, `for 1s ports 8080->80/tcp`, or undefined. */
export function statusDetail(facts: {readonly age?: string; readonly exitCode?: number; readonly ports?: readonly string[]; readonly probes?: string}): string | undefined {
  const parts = [facts.age, facts.exitCode === undefined ? undefined : `(exit ${facts.exitCode})`, facts.ports && facts.ports.length > 0 ? `ports ${facts.ports.join(', ')}` : undefined, facts.probes]
  const text = parts.filter((p) => p !== undefined && p !== '').join(' ')
  return text === '' ? undefined : text
}
