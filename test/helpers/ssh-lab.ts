/** SSH-specific handles on the test lab: sshd processes of a ship, temp homes, known_hosts lines. */
import {execFile} from 'node:child_process'
import {mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'

const run = promisify(execFile)

/** Every sshd process inside a ship's network namespace (the listener and its sessions). */
export async function sshdPids(netns: string): Promise<number[]> {
  const {stdout} = await run('ip', ['netns', 'pids', netns])
  return stdout
    .split(/\s+/)
    .filter((p) => /^\d+$/.test(p))
    .map(Number)
    .filter((pid) => {
      try {
        return /^sshd/.test(readFileSync(`/proc/${pid}/comm`, 'utf8'))
      } catch {
        return false
      }
    })
}

/** Sends `signal` to the ship's sshd processes; returns how many got it. */
export async function signalSshd(netns: string, signal: NodeJS.Signals): Promise<number> {
  const pids = await sshdPids(netns)
  for (const pid of pids) {
    try {
      process.kill(pid, signal)
    } catch {
      // already gone
    }
  }
  return pids.length
}

export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), `maestro-${prefix}-`))

/** The known_hosts line that trusts the lab's host key for `ip` on port 22. */
export function knownHostsLine(ip: string, hostKeyPub: string): string {
  const [type, key] = readFileSync(hostKeyPub, 'utf8').trim().split(/\s+/)
  return `${ip} ${type} ${key}\n`
}

/** A fresh ed25519 key pair that no ship authorises. */
export async function strayKey(dir: string, name = 'stray_ed25519', passphrase = ''): Promise<string> {
  const file = join(dir, name)
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', 'stray', '-f', file])
  return file
}
