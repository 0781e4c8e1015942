/** SSH-specific handles on the test lab: sshd processes of a ship, temp homes, known_hosts lines. */
import {execFile} from 'node:child_process'
import {mkdtempSync, readFileSync} from 'node:fs'
import {connect} from 'node:net'
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const reachable = (ip: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = connect({host: ip, port, timeout: 500}, () => (s.destroy(), resolve(true)))
    s.on('error', () => resolve(false))
    s.on('timeout', () => (s.destroy(), resolve(false)))
  })

/**
 * Brings a ship's sshd back after a test killed or stopped it: resumes stopped ones, waits until
 * killed ones are reaped (lab.sh sees a zombie's pid as alive), then runs `lab.sh up`.
 */
export async function restoreSshd(labScript: string, labId: number, ship: {readonly ip: string; readonly netns: string; readonly sshPort: number}): Promise<void> {
  await signalSshd(ship.netns, 'SIGCONT')
  for (let i = 0; i < 20 && !(await reachable(ship.ip, ship.sshPort)); i++) {
    await run('bash', [labScript, 'up', '1'], {env: {...process.env, LAB_ID: String(labId)}})
    await sleep(200)
  }
  if (!(await reachable(ship.ip, ship.sshPort))) throw new Error(`sshd on ${ship.ip} did not come back`)
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
