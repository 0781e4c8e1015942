/** Authentication methods for ssh2's authHandler: key files (passphrase from the env), then ssh-agent. */
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import type {ParsedKey} from 'ssh2'
import {MaestroError} from '../../src/api/index.js'
import type {SshTarget} from './target.js'

export const PASSPHRASE_ENV = 'MAESTRO_SSH_PASSPHRASE'
const DEFAULT_KEYS = ['id_ed25519', 'id_ecdsa', 'id_rsa']

type ParseKey = (data: Buffer, passphrase?: string) => ParsedKey | Error
export type AuthMethod = {type: 'publickey'; username: string; key: ParsedKey} | {type: 'agent'; username: string; agent: string}

/** An encrypted key and no passphrase: the agent may hold it. */
class EncryptedKey extends Error {
  constructor(readonly error: MaestroError) {
    super(error.message)
  }
}

function loadKey(target: SshTarget, file: string, passphrase: string | undefined, parseKey: ParseKey): ParsedKey {
  const fail = (why: string) => new MaestroError('MAESTRO_SSH', `${target.ship} (${target.host}:${target.port}): key ${file}: ${why}`)
  let data: Buffer
  try {
    data = readFileSync(file)
  } catch (e) {
    throw fail((e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot be read')
  }
  const parsed = parseKey(data, passphrase)
  if (parsed instanceof Error) {
    if (/no passphrase given/i.test(parsed.message)) throw new EncryptedKey(fail(`is encrypted; set ${PASSPHRASE_ENV} or load it into ssh-agent (SSH_AUTH_SOCK)`))
    if (/passphrase/i.test(parsed.message)) throw fail(`wrong passphrase in ${PASSPHRASE_ENV}`)
    throw fail('not a private key OpenSSH can read')
  }
  if (!parsed.isPrivateKey()) throw fail('is a public key, not a private key')
  return parsed
}

/**
 * A key written in the YAML is the only one used. Otherwise: ~/.ssh/config IdentityFiles, then
 * ssh-agent (SSH_AUTH_SOCK), then the default ~/.ssh/id_* files when there is no agent.
 */
export function authMethods(target: SshTarget, env: Readonly<Record<string, string | undefined>>, home: string, parseKey: ParseKey): AuthMethod[] {
  const username = target.user
  const passphrase = env[PASSPHRASE_ENV]
  const agent = env.SSH_AUTH_SOCK
  // an encrypted key with no passphrase is skipped for the agent when there is one
  const key = (file: string): AuthMethod[] => {
    try {
      return [{type: 'publickey', username, key: loadKey(target, file, passphrase, parseKey)}]
    } catch (e) {
      if (!(e instanceof EncryptedKey)) throw e
      if (!agent) throw e.error
      return []
    }
  }
  if (target.explicitKey) {
    const methods = target.identityFiles.flatMap(key)
    return methods.length > 0 || !agent ? methods : [{type: 'agent', username, agent}]
  }
  const methods = target.identityFiles.filter((f) => existsSync(f)).flatMap(key)
  if (agent) methods.push({type: 'agent', username, agent})
  else if (methods.length === 0) methods.push(...DEFAULT_KEYS.map((k) => join(home, '.ssh', k)).filter((f) => existsSync(f)).flatMap(key))
  if (methods.length === 0) {
    throw new MaestroError('MAESTRO_SSH', `${target.ship} (${target.host}:${target.port}): no SSH key: set ssh_tunnel.key or an IdentityFile in ~/.ssh/config, or run ssh-agent (SSH_AUTH_SOCK)`)
  }
  return methods
}

