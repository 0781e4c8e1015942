import {expect} from 'chai'
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {maestro, projectRoot, tempProject} from '../helpers/cli.js'

const commands = readdirSync(join(projectRoot, 'src/commands')).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''))
const version = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {version: string}).version

describe('maestro --help and --version (built binary)', function () {
  // each case spawns the built binary (~0.3-0.5 s a run, more on a loaded machine)
  this.timeout(60_000)
  it('lists every command with its summary', async () => {
    const r = await maestro(['--help'])
    expect(r.code).to.equal(0)
    for (const c of commands) expect(r.stdout).to.match(new RegExp(`^  ${c} +\\S`, 'm'))
  })

  for (const c of commands) {
    it(`documents ${c}: usage, description, global flags and examples`, async () => {
      const r = await maestro([c, '--help'])
      expect(r.code).to.equal(0)
      expect(r.stdout).to.contain(`$ maestro ${c}`)
      expect(r.stdout).to.contain('DESCRIPTION')
      expect(r.stdout).to.contain('EXAMPLES')
      expect(r.stdout).to.match(/GLOBAL FLAGS\n\s+-f, --file=<value>\s+\[default: maestro.yaml, env: MAESTRO_FILE\]/)
    })
  }

  it('prints the version with --version and -v', async () => {
    for (const flag of ['--version', '-v']) {
      const r = await maestro([flag])
      expect(r.code).to.equal(0)
      expect(r.stdout).to.contain(`maestro-ng/${version}`)
    }
  })
})

describe('maestro usage errors (built binary)', function () {
  this.timeout(30_000)
  it('rejects an unknown flag with one ERROR line and exit 2', async () => {
    const r = await maestro(['validate', '--bogus'])
    expect(r.code).to.equal(2)
    expect(r.stderr.trim()).to.equal('ERROR: unknown flag --bogus (see maestro validate --help)')
  })

  it('rejects an unknown command with a did-you-mean, exit 2', async () => {
    const r = await maestro(['statsu'])
    expect(r.code).to.equal(2)
    expect(r.stderr.trim()).to.equal("ERROR: command statsu not found (did you mean 'status'?)")
  })

  it('rejects an unknown reporter, listing the available ones, exit 2', async () => {
    const r = await maestro(['deptree', '--reporter', 'nope'])
    expect(r.code).to.equal(2)
    expect(r.stderr.trim()).to.match(/^ERROR: unknown reporter nope \(available: .*console.*\)$/)
  })

  it('refuses -r together with --reuse', async () => {
    const r = await maestro(['start', '-r', '--reuse'])
    expect(r.code).to.equal(2)
    expect(r.stderr.trim()).to.match(/^ERROR: --\S+ cannot also be provided when using --\S+$/)
  })

  it('reports a missing file without a stack trace, exit 2', async () => {
    const t = tempProject({})
    try {
      const r = await maestro(['validate'], {cwd: t.dir})
      expect(r.code).to.equal(2)
      expect(r.stderr).to.match(/^ERROR: .*maestro\.yaml/)
      expect(r.stderr).not.to.match(/\n\s+at /)
    } finally {
      t.cleanup()
    }
  })
})
