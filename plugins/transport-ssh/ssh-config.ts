/** Host aliases from ~/.ssh/config (HostName, User, Port, IdentityFile, UserKnownHostsFile). */
import SSHConfig from 'ssh-config'

export interface SshConfigHost {
  readonly hostName?: string
  readonly user?: string
  readonly port?: number
  readonly identityFiles: readonly string[]
  readonly userKnownHostsFiles: readonly string[]
}

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v)
const all = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : v.split(/\s+/))

/** Resolves `alias` against the text of an ssh_config file. `Match exec` is never evaluated. */
export function lookupSshConfig(text: string, alias: string): SshConfigHost {
  const c = SSHConfig.parse(text).compute(alias, {ignoreCase: true, matchExec: false})
  const hostName = first(c.hostname)
  const port = first(c.port)
  return {
    hostName: hostName === undefined ? undefined : hostName.replace(/%h/g, alias),
    user: first(c.user),
    port: port === undefined || !/^\d+$/.test(port) ? undefined : Number(port),
    identityFiles: all(c.identityfile),
    userKnownHostsFiles: all(c.userknownhostsfile),
  }
}
