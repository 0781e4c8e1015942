import {expect} from 'chai'
import {execFile} from 'node:child_process'
import {rmSync} from 'node:fs'
import {dirname} from 'node:path'
import {promisify} from 'node:util'
import {useLab, writeLabEnvironment, type Lab} from '../helpers/lab.js'
import {maestro} from '../helpers/cli.js'

const run = promisify(execFile)

/**
 * What a container sees is Python's str() of what PyYAML loads (reference §3.3), in written order, and numbers
 * that reach Docker (limits, stop timeout, ports) are read as PyYAML 1.1 reads them (hex, octal, base 60).
 */
describe('env values and YAML 1.1 numbers on a real daemon @e2e', function () {
  this.timeout(60_000)
  let lab: Lab
  let file: string
  const p = `ev${process.pid}`
  const docker = async (...args: string[]) => (await run('docker', ['-H', `unix://${lab.ships[0]!.socket}`, ...args])).stdout

  before(async function () {
    lab = await useLab({ships: 1, context: this})
    file = writeLabEnvironment(lab, `__maestro: {schema: 2}
services:
  ${p}:
    image: ${lab.image}
    instances:
      ${p}-1:
        ship: ship1
        command: sleep 86400
        stop_timeout: 1
        limits: {cpu: 0x200, memory: 0x4000000}
        ports: {web: {exposed: 1:30, external: 0x46B0}}
        labels: {version: 1.0, build: 9007199254740993}
        env:
          ZED: 1.0
          10: ten
          yes: on
          BIG: 9007199254740993
          SMALL: 0.00001
          HUGE: 1.0e+16
          WHEN: 2001-12-14 21:59:43.10 -5
          DAY: !!timestamp 2001-2-3
          OCT: 010
          SEXA: 1:30
          LIST: [a, [1.50, ~]]
          BARE:
`, {ships: 1, name: p})
    const up = await maestro(['-f', file, 'start'])
    expect(up.code, up.stdout + up.stderr).to.equal(0)
  })

  after(async () => {
    if (!file) return
    await maestro(['-f', file, 'kill', '-a'])
    await maestro(['-f', file, 'clean'])
    rmSync(dirname(file), {recursive: true, force: true})
  })

  it('gives the container every env value as MaestroNG renders it, in written order', async () => {
    const env = JSON.parse(await docker('inspect', '--format', '{{json .Config.Env}}', `${p}-1`)) as string[]
    const user = env.filter((e) => /^(?:ZED|10|True|BIG|SMALL|HUGE|WHEN|DAY|OCT|SEXA|LIST|BARE)(?:=|$)/.test(e))
    expect(user).to.deep.equal([
      'ZED=1.0',
      '10=ten',
      'True=True',
      'BIG=9007199254740993',
      'SMALL=1e-05',
      'HUGE=1e+16',
      'WHEN=2001-12-14 21:59:43.100000-05:00',
      'DAY=2001-02-03',
      'OCT=8',
      'SEXA=90',
      'LIST=a 1.5 None',
      'BARE',
    ])
    const seen = await docker('exec', `${p}-1`, 'sh', '-c', 'echo "$WHEN"')
    expect(seen).to.equal('2001-12-14 21:59:43.100000-05:00\n')
  })

  it('labels numbers as Python prints them (Docker takes only strings)', async () => {
    const labels = JSON.parse(await docker('inspect', '--format', '{{json .Config.Labels}}', `${p}-1`)) as Record<string, string>
    expect(labels).to.include({version: '1.0', build: '9007199254740993'})
  })

  it('reads hex and base-60 numbers for Docker as PyYAML does', async () => {
    const out = await docker('inspect', '--format', '{{.HostConfig.CpuShares}} {{.HostConfig.Memory}} {{json .HostConfig.PortBindings}}', `${p}-1`)
    expect(out.trim()).to.equal('512 67108864 {"90/tcp":[{"HostIp":"0.0.0.0","HostPort":"18096"}]}')
  })
})
