/** Host key policy: known_hosts check, trust on first use with --accept-new-host-keys (only for a host with no key recorded), never a changed key. */
import {randomBytes} from 'node:crypto'
import {existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'
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
  /** After the handshake is complete (ssh2 'ready'): records the key accepted with --accept-new-host-keys, if any. */
  commit(): void
}

function readEntries(files: readonly string[]): KnownHostEntry[] {
  return files.flatMap((f) => (existsSync(f) ? parseKnownHosts(readFileSync(f, 'utf8'), f) : []))
}

/** Appends `line` by writing a temp file beside `file` and renaming it over: atomic, mode 0600, never through a symlink. */
function record(file: string, line: string): void {
  mkdirSync(dirname(file), {recursive: true, mode: 0o700})
  const stat = (() => {
    try {
      return lstatSync(file)
    } catch {
      return undefined
    }
  })()
  if (stat?.isSymbolicLink()) {
    throw new MaestroError('MAESTRO_SSH_HOST_KEY', `cannot record the host key: ${file} is a symbolic link (Maestro does not write through links); add this line yourself: ${line}`)
  }
  const text = stat ? readFileSync(file, 'utf8') : ''
  const temp = join(dirname(file), `.${basename(file)}.maestro-${randomBytes(6).toString('hex')}`)
  try {
    writeFileSync(temp, `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${line}\n`, {mode: 0o600, flag: 'wx'})
    renameSync(temp, file)
  } catch (e) {
    rmSync(temp, {force: true})
    throw new MaestroError('MAESTRO_SSH_HOST_KEY', `cannot record the host key in ${file}: ${(e as Error).message}`, {cause: e})
  }
}

export function createHostKeyGate(target: SshTarget, acceptNew: boolean): HostKeyGate {
  const entries = readEntries(target.knownHostsFiles)
  const where = `${target.ship} (${target.host}:${target.port})`
  const known = knownKeyTypes(entries, target.host, target.port).flatMap(algorithmsFor)
  let pending: string | undefined
  const gate = {
    refusal: undefined as MaestroError | undefined,
    commit(): void {
      if (pending !== undefined) record(target.knownHostsAppend, pending)
      pending = undefined
    },
    algorithms: [...new Set([...known, ...HOST_KEY_ALGORITHMS])],
    verify(blob: Buffer): boolean {
      const fp = fingerprint(blob)
      const verdict = checkHostKey(entries, target.host, target.port, blob)
      switch (verdict.status) {
        case 'trusted':
          return true
        case 'unknown':
          if (acceptNew) {
            pending = formatKnownHostsLine(target.host, target.port, blob)
            return true
          }
          gate.refusal = new MaestroError('MAESTRO_SSH_HOST_KEY', `${where}: unknown host key ${fp} (${blobKeyType(blob)}) — verify it, then rerun with --accept-new-host-keys`)
          return false
        case 'changed':
          gate.refusal = new MaestroError('MAESTRO_SSH_HOST_KEY', `${where}: HOST KEY CHANGED, refusing to connect: server offers ${fp} (${blobKeyType(blob)}), but ${verdict.entry.file}:${verdict.entry.line} records ${fingerprint(verdict.entry.key)} (${blobKeyType(verdict.entry.key) ?? verdict.entry.keyType}) — if the change is expected, remove that line and rerun`)
          return false
        case 'revoked':
          gate.refusal = new MaestroError('MAESTRO_SSH_HOST_KEY', `${where}: host key ${fp} is marked @revoked in ${verdict.entry.file}:${verdict.entry.line}`)
          return false
      }
    },
  }
  return gate
}
