/** OpenSSH known_hosts: parsing and matching (pure). See sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT". */
import {createHmac} from 'node:crypto'
import {blobKeyType} from './fingerprint.js'

export interface KnownHostEntry {
  readonly file: string
  readonly line: number
  readonly marker?: 'cert-authority' | 'revoked'
  /** The host field as written: comma-separated patterns, or one `|1|salt|hash`. */
  readonly hosts: string
  readonly keyType: string
  readonly key: Buffer
}

export type HostKeyVerdict =
  | {readonly status: 'trusted'; readonly entry: KnownHostEntry}
  | {readonly status: 'unknown'}
  | {readonly status: 'changed'; readonly entry: KnownHostEntry}
  | {readonly status: 'revoked'; readonly entry: KnownHostEntry}

export function parseKnownHosts(text: string, file: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = []
  text.split(/\r?\n/).forEach((raw, i) => {
    const fields = raw.trim().split(/\s+/)
    if (fields[0] === '' || fields[0].startsWith('#')) return
    let marker: KnownHostEntry['marker']
    if (fields[0].startsWith('@')) {
      const m = fields.shift()!.slice(1)
      if (m !== 'cert-authority' && m !== 'revoked') return
      marker = m
    }
    const [hosts, keyType, b64] = fields
    if (!hosts || !keyType || !b64 || !/^[A-Za-z0-9+/]+=*$/.test(b64)) return
    entries.push({file, line: i + 1, marker, hosts, keyType, key: Buffer.from(b64, 'base64')})
  })
  return entries
}

/** The name OpenSSH looks up and records: `host`, or `[host]:port` when the port is not 22. */
export function hostToken(host: string, port: number): string {
  const h = host.toLowerCase()
  return port === 22 ? h : `[${h}]:${port}`
}

function globMatch(pattern: string, text: string): boolean {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')
  return new RegExp(`^${re}$`, 'i').test(text)
}

function hashedMatch(field: string, token: string): boolean {
  const parts = field.split('|')
  if (parts.length !== 4 || parts[1] !== '1') return false
  const digest = createHmac('sha1', Buffer.from(parts[2], 'base64')).update(token).digest('base64')
  return digest === parts[3]
}

/** True when the entry's host field names `host` on `port` (negated patterns veto the line). */
export function entryMatches(entry: KnownHostEntry, host: string, port: number): boolean {
  const token = hostToken(host, port)
  if (entry.hosts.startsWith('|')) return hashedMatch(entry.hosts, token)
  let matched = false
  for (const pattern of entry.hosts.split(',')) {
    const negated = pattern.startsWith('!')
    if (globMatch(negated ? pattern.slice(1) : pattern, token)) {
      if (negated) return false
      matched = true
    }
  }
  return matched
}

/** How `blob` is judged for `host:port`: revoked beats trusted; any other key while the host has keys recorded is a change. */
export function checkHostKey(entries: readonly KnownHostEntry[], host: string, port: number, blob: Buffer): HostKeyVerdict {
  const mine = entries.filter((e) => e.marker !== 'cert-authority' && entryMatches(e, host, port))
  const revoked = entries.find((e) => e.marker === 'revoked' && e.key.equals(blob))
  if (revoked) return {status: 'revoked', entry: revoked}
  const same = mine.find((e) => e.marker === undefined && e.key.equals(blob))
  if (same) return {status: 'trusted', entry: same}
  // Any recorded key, of whatever type, means the host is known: a key of another type is a change, not a new host.
  const type = blobKeyType(blob)
  const recorded = mine.filter((e) => e.marker === undefined)
  const other = recorded.find((e) => (blobKeyType(e.key) ?? e.keyType) === type) ?? recorded[0]
  return other ? {status: 'changed', entry: other} : {status: 'unknown'}
}

/** Key types already recorded for the host, so the client can ask the server for those first. */
export function knownKeyTypes(entries: readonly KnownHostEntry[], host: string, port: number): string[] {
  const types = entries.filter((e) => e.marker === undefined && entryMatches(e, host, port)).map((e) => blobKeyType(e.key) ?? e.keyType)
  return [...new Set(types)]
}

export function formatKnownHostsLine(host: string, port: number, blob: Buffer): string {
  return `${hostToken(host, port)} ${blobKeyType(blob) ?? 'unknown'} ${blob.toString('base64')}`
}
