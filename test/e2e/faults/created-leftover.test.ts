import {expect} from 'chai'
import {execFile} from 'node:child_process'
import {rmSync} from 'node:fs'
import {dirname} from 'node:path'
import {promisify} from 'node:util'
import {useLab, writeLabEnvironment, type Lab} from '../../helpers/lab.js'
import {maestro, type CliResult} from '../../helpers/cli.js'

const run = promisify(execFile)

interface EventLine {
  readonly event: string
  readonly container?: {readonly name: string}
  readonly outcome?: string
  readonly data?: {readonly action?: string}
}

/**
 * A start cut short between create and start leaves a `Created` container (here: Docker refuses to start it, as
 * its command does not exist). It is never reported running, and the rerun replaces it, even with --reuse, as
 * it may be half made.
 */
describe('@e2e faults: a container left created, never started, by a start that did not finish', function () {
  this.timeout(120_000)
  let lab: Lab
  let file = ''
  const p = `cr${process.pid}`
  const name = `${p}-one-1`
  const docker = async (...args: string[]): Promise<string> => (await run('docker', ['-H', `unix://${lab.ships[0]!.socket}`, ...args])).stdout.trim()
  const write = (command: string) => writeLabEnvironment(lab, `services:
  one:
    image: ${lab.image}
    instances: {${name}: {ship: ship1, command: ${command}, stop_timeout: 1}}
`, {ships: 1, name: p, ...(file ? {dir: dirname(file)} : {})})
  const cli = (...args: string[]) => maestro(['-f', file, ...args, '--reporter', 'json'])
  const ended = (r: CliResult) => r.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as EventLine)
    .find((e) => (e.event === 'task:end' || e.event === 'task:fail') && e.container?.name === name)

  before(async function () {
    lab = await useLab({ships: 1, context: this})
    file = write('/no/such/command')
  })

  after(async () => {
    if (!file) return
    await maestro(['-f', file, 'kill', '-a'])
    await maestro(['-f', file, 'clean'])
    rmSync(dirname(file), {recursive: true, force: true})
  })

  it('is shown down, not running, and the rerun replaces it even with --reuse', async () => {
    const first = await cli('start')
    expect(first.code, first.stderr).to.equal(1)
    expect(await docker('inspect', '-f', '{{.State.Status}}', name)).to.equal('created')
    const leftover = await docker('inspect', '-f', '{{.Id}}', name)

    const status = await cli('status')
    expect(status.code).to.equal(0)
    expect(ended(status)).to.include({event: 'task:end', outcome: 'down'})

    const plan = await maestro(['-f', file, 'plan', '--reuse'])
    expect(plan.stdout).to.match(/created but never started/)

    write('sleep 86400')
    const rerun = await cli('start', '--reuse')
    expect(rerun.code, rerun.stderr + rerun.stdout).to.equal(0)
    expect(ended(rerun)).to.include({event: 'task:end', outcome: 'started'})
    expect(ended(rerun)?.data?.action).to.equal('recreate')
    expect(await docker('inspect', '-f', '{{.State.Status}}', name)).to.equal('running')
    expect(await docker('inspect', '-f', '{{.Id}}', name), 'replaced').to.not.equal(leftover)
  })
})
