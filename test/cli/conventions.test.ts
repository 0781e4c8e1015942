import {expect} from 'chai'
import {maestro, tempProject} from '../helpers/cli.js'

// ships on a closed loopback port: commands that need Docker find "host down" at once, nothing leaves the machine
const FILE = `name: conv
ships:
  vm1: {ip: 127.0.0.1, docker_port: 1}
services:
  api:
    image: nginx
    instances:
      api-1: {ship: vm1}
      api-2: {ship: vm1}
`

/** Output without its durations (`in 0.2s`), which vary from run to run. */
const untimed = (text: string): string => text.replace(/\d+(\.\d+)?m?s\b/g, 'T')

/** One line on stderr, starting with ERROR:, no stack trace. */
const oneErrorLine = (stderr: string): string => {
  const lines = stderr.trim().split('\n')
  expect(lines, stderr).to.have.length(1)
  expect(lines[0]).to.match(/^ERROR: /)
  return lines[0]
}

describe('CLI conventions (built binary)', function () {
  // each case spawns the built binary
  this.timeout(60_000)
  let project: ReturnType<typeof tempProject>
  before(() => (project = tempProject({'maestro.yaml': FILE, 'dup.yaml': 'name: a\nships: {}\nname: b\nservices: {}\n'})))
  after(() => project.cleanup())
  const run = (...args: string[]) => maestro(args, {cwd: project.dir})

  it('-h is --help, for maestro itself and for every command', async () => {
    for (const args of [['-h'], ['status', '-h'], ['logs', '-h'], ['completion', '-h'], ['plugins', '-h']]) {
      const [short, long] = await Promise.all([run(...args), run(...args.map((a) => (a === '-h' ? '--help' : a)))])
      expect(short.code, args.join(' ')).to.equal(0)
      expect(short.stdout).to.equal(long.stdout)
      expect(short.stdout).to.contain('USAGE')
    }
  })

  it('suggests the nearest flag for a mistyped one', async () => {
    const r = await run('start', '--convrge')
    expect(r.code).to.equal(2)
    expect(oneErrorLine(r.stderr)).to.equal('ERROR: unknown flag --convrge (did you mean --converge?)')
    const far = await run('plan', '--zzzzzz')
    expect(oneErrorLine(far.stderr)).to.equal('ERROR: unknown flag --zzzzzz (see maestro plan --help)')
  })

  it('restart of a service without -s names -s and the containers', async () => {
    const r = await run('restart', 'api')
    expect(r.code).to.equal(2)
    expect(oneErrorLine(r.stderr)).to.equal('ERROR: api is a service: restart of a service needs -s (--expand-services), or name its containers (api-1, api-2)')
  })

  it('env without an instance says what it needs', async () => {
    const r = await run('env')
    expect(r.code).to.equal(2)
    expect(oneErrorLine(r.stderr)).to.equal('ERROR: missing INSTANCE (container (instance) name): usage: maestro env INSTANCE')
  })

  it('logs -n abc says the value must be an integer', async () => {
    const r = await run('logs', '-n', 'abc', 'api-1')
    expect(r.code).to.equal(2)
    expect(oneErrorLine(r.stderr)).to.equal('ERROR: invalid value for --lines: expected an integer but received: abc (see maestro logs --help)')
  })

  it('completion fish is one ERROR line naming the shells it supports', async () => {
    const r = await run('completion', 'fish')
    expect(r.code).to.equal(2)
    expect(oneErrorLine(r.stderr)).to.equal('ERROR: fish is not one of bash, zsh (see maestro completion --help)')
  })

  it("oclif's own errors outside maestro's commands are one ERROR line too", async () => {
    const r = await run('plugins', 'install', '--no-such-flag')
    expect(r.code).to.equal(2)
    expect(oneErrorLine(r.stderr)).to.match(/^ERROR: unknown flag --no-such-flag/)
    expect(r.stderr).not.to.contain('›')
  })

  it('a duplicate YAML key is listed like any other problem, then the summary', async () => {
    const r = await run('-f', 'dup.yaml', 'validate')
    expect(r.code).to.equal(2)
    expect(r.stderr.trim().split('\n')).to.deep.equal([`${project.dir}/dup.yaml:3:1: duplicate key name`, 'ERROR: invalid configuration: 1 problem found'])
  })

  it('clean, start, pull, status and plan accept -a as stop and kill do', async () => {
    for (const command of ['clean', 'start', 'pull', 'status', 'plan']) {
      const [a, bare] = await Promise.all([run(command, '-a'), run(command)])
      expect(a.stderr, command).not.to.contain('unknown flag')
      expect([a.code, untimed(a.stdout + a.stderr)], command).to.deep.equal([bare.code, untimed(bare.stdout + bare.stderr)])
    }
    expect(oneErrorLine((await run('stop')).stderr)).to.equal('ERROR: stop needs the containers to act on (services with -s), or -a for everything')
  })

  it('a bare maestro without a file says how to point it at one', async () => {
    const empty = tempProject({})
    try {
      const r = await maestro([], {cwd: empty.dir})
      expect(r.code).to.equal(2)
      expect(oneErrorLine(r.stderr)).to.equal('ERROR: maestro.yaml: no such file (give the environment file with -f FILE or MAESTRO_FILE=FILE, or -f - for stdin)')
    } finally {
      empty.cleanup()
    }
  })

  it('status -l is --full, and MaestroNG\'s status -F still works; logs -F is --follow', async () => {
    const [l, F, full] = await Promise.all([run('status', '-l'), run('status', '-F'), run('status', '--full')])
    for (const r of [l, F, full]) expect(r.stdout).to.contain('host down')
    expect(untimed(l.stdout)).to.equal(untimed(full.stdout))
    const help = await run('logs', '-h')
    expect(help.stdout).to.match(/-F, --follow/)
  })
})
