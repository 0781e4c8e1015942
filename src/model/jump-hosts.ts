/** The ProxyJump syntax shared by the `proxy_jump` ship key and ~/.ssh/config (pure). */

export interface JumpHost {
  readonly user?: string
  readonly host: string
  readonly port?: number
}

/** `[user@]host[:port]` or `ssh://[user@]host[:port]`; IPv6 in brackets. */
export function parseJumpHost(spec: string): JumpHost | undefined {
  const m = /^(?:ssh:\/\/)?(?:([^@\s/]+)@)?(\[[0-9a-fA-F:.]+\]|[^@:\s/[\]]+)(?::(\d{1,5}))?$/.exec(spec.trim())
  if (!m) return undefined
  const port = m[3] === undefined ? undefined : Number(m[3])
  if (port !== undefined && (port < 1 || port > 65535)) return undefined
  return {user: m[1], host: m[2].replace(/^\[(.*)\]$/, '$1'), port}
}

/** True for the value that turns jump hosts off (`none`, as OpenSSH spells it). */
export const isNoJump = (spec: string): boolean => spec.trim().toLowerCase() === 'none'

/** Why one comma-separated part of a ProxyJump value (`key` names where it was written) is not a jump host. */
export const badJumpHost = (part: string, key = 'ProxyJump'): string => `${key} host "${part.trim()}" must be [user@]host[:port] or an ~/.ssh/config alias`
