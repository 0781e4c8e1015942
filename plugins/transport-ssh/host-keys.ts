/** Host key policy: known_hosts check, trust on first use with --accept-new-host-keys, never a changed key. */
import {appendFileSync, existsSync, mkdirSync, readFileSync} from 'node:fs'
import {dirname} from 'node:path'
import {MaestroError} from '../../src/api/index.js'
import {blobKeyType, fingerprint} from './fingerprint.js'
import {checkHostKey, formatKnownHostsLine, knownKeyTypes, parseKnownHosts, type KnownHostEntry} from './known-hosts.js'
import type {SshTarget} from './target.js'

/** ssh2's server host key algorithms, in its default order. */
const HOST_KEY_ALGORITHMS = ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa']
const algorithmsFor = (type: string): string[] => (type === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [type])

export interface HostKeyGate {
  /** For ssh2's hostVerifier: true lets the handshake continue. */
  verify(blob: Buffer): boolean
  /** Why the last key was refused, if it was. */
  readonly refusal: MaestroError | undefined
  /** Host key algorithms with the types already known for this host first (as OpenSSH orders them). */
  readonly algorithms: string[]
}

function readEntries(files: readonly string[]): KnownHostEntry[] {
  return files.flatMap((f) => (existsSync(f) ? parseKnownHosts(readFileSync(f, 'utf8'), f) : []))
}

function record(file: string, line: string): void {
  mkdirSync(dirname(file), {recursive: true, mode: 0o700})
  const text = existsSync(file) ? readFileSync(file, 'utf8') : ''
  appendFileSync(file, `${text === '' || text.endsWith('\n') ? '' : '\n'}${line}\n`, {mode: 0o600})
}

export function createHostKeyGate(target: SshTarget, acceptNew: boolean): HostKeyGate {
  const entries = readEntries(target.knownHostsFiles)
  const where = `${target.ship} (${target.host}:${target.port})`
  const known = knownKeyTypes(entries, target.host, target.port).flatMap(algorithmsFor)
  const gate = {
    refusal: undefined as MaestroError | undefined,
    algorithms: [...new Set([...known, ...HOST_KEY_ALGORITHMS])],
    verify(blob: Buffer): boolean {
      const fp = fingerprint(blob)
      const verdict = checkHostKey(entries, target.host, target.port, blob)
      switch (verdict.status) {
        case 'trusted':
          return true
        case 'unknown':
          if (acceptNew) {
            record(target.knownHostsAppend, formatKnownHostsLine(target.host, target.port, blob))
            return true
          }
          gate.refusal = new MaestroError('MAESTRO_SSH_HOST_KEY', `${where}: unknown host key ${fp} (${blobKeyType(blob)}) — verify it, then rerun with --accept-new-host-keys`)
          return false
        case 'changed':
          gate.refusal = new MaestroError('MAESTRO_SSH_HOST_KEY', `${where}: HOST KEY CHANGED, refusing to connect: server offers ${fp}, but ${verdict.entry.file}:${verdict.entry.line} records ${fingerprint(verdict.entry.key)} — if the change is expected, remove that line and rerun`)
          return false
        case 'revoked':
          gate.refusal = new MaestroError('MAESTRO_SSH_HOST_KEY', `${where}: host key ${fp} is marked @revoked in ${verdict.entry.file}:${verdict.entry.line}`)
          return false
      }
    },
  }
  return gate
}
