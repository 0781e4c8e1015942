/** Port specs (reference §2.6) as the Engine API wants them: ExposedPorts keys and PortBindings. */
import type {PortSpec} from '../model/types.js'

type Binding = {HostIp: string; HostPort: string}

/** `1234-1236` → [1234, 1235, 1236]; `80` → [80]. */
export function expandPortRange(port: string): string[] {
  const m = /^(\d+)-(\d+)$/.exec(port)
  if (!m) return [port]
  const [from, to] = [Number(m[1]), Number(m[2])]
  const out: string[] = []
  for (let p = from; p <= to; p++) out.push(String(p))
  return out
}

/** `80/tcp`-style keys, ranges expanded, in port order, without duplicates. */
export function exposedPortKeys(ports: readonly PortSpec[]): string[] {
  const keys = ports.flatMap((p) => expandPortRange(p.exposed.split('/')[0]).map((n) => `${n}/${p.exposedProtocol}`))
  return [...new Set(keys)]
}

/**
 * Host bindings per exposed port. An exposed range with an external range of the same length binds
 * pairwise (as docker-py does); otherwise each exposed port gets the external port or range as written
 * (a single exposed port with a host range lets Docker pick one in the range).
 */
export function portBindings(ports: readonly PortSpec[]): Record<string, Binding[]> {
  const out: Record<string, Binding[]> = {}
  for (const p of ports) {
    const exposed = expandPortRange(p.exposed.split('/')[0])
    const externalSpec = p.external.split('/')[0]
    const external = expandPortRange(externalSpec)
    const pairwise = exposed.length > 1 && external.length === exposed.length
    exposed.forEach((port, i) => {
      const key = `${port}/${p.exposedProtocol}`
      ;(out[key] ??= []).push({HostIp: p.bindIp, HostPort: pairwise ? external[i] : externalSpec})
    })
  }
  return out
}
