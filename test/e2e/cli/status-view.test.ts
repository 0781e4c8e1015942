import {expect} from 'chai'
import {execFile} from 'node:child_process'
import {rmSync} from 'node:fs'
import {dirname} from 'node:path'
import {promisify} from 'node:util'
import {useLab, writeLabEnvironment, type Lab} from '../../helpers/lab.js'
import {maestro} from '../../helpers/cli.js'

const run = promisify(execFile)

/** `status` shows an exited container's exit code and a running one's published ports. */
describe('@e2e status view on the lab', function () {
  this.timeout(120_000)
  let lab: Lab
  let file: string
  const p = `sv${process.pid}`
  const cli = (...args: string[]) => maestro(['-f', file, ...args])
  const docker = (...args: string[]) => run('docker', ['-H', `unix://${lab.ships[0].socket}`, ...args])

  before(async function () {
    lab = await useLab({ships: 1, context: this})
    file = writeLabEnvironment(lab, `services:
  ${p}:
    image: ${lab.image}
    instances:
      ${p}-exits: {ship: ship1, stop_timeout: 1, command: "sh -c 'while [ ! -f /tmp/go ]; do sleep 0.1; done; exit 3'"}
      ${p}-web: {ship: ship1, stop_timeout: 1, command: sleep 3600, ports: {web: '80:28190'}}
`, {ships: 1, name: p})
  })

  after(async () => {
    await cli('kill', '-a')
    await cli('clean')
    rmSync(dirname(file), {recursive: true, force: true})
  })

  it('says `down for ... (exit 3)` for a container that exited 3 and lists published ports of a running one', async () => {
    const start = await cli('start')
    expect(start.code, start.stdout + start.stderr).to.equal(0)
    await docker('exec', `${p}-exits`, 'touch', '/tmp/go')
    const {stdout: code} = await docker('wait', `${p}-exits`)
    expect(code.trim()).to.equal('3')
    const status = await cli('status')
    expect(status.code, status.stderr).to.equal(0)
    expect(status.stdout).to.match(new RegExp(`${p}-exits .* down for \\S+ \\(exit 3\\)$`, 'm'))
    expect(status.stdout).to.match(new RegExp(`${p}-web .* running for \\S+ ports 28190->80/tcp$`, 'm'))
  })
})
