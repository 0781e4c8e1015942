import {expect} from 'chai'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {maestro, projectRoot} from '../helpers/cli.js'

const example = join(projectRoot, 'examples/zookeeper-kafka.yaml')

/** Two linked third-party plugins, as `maestro plugins link` records them: one throws on load, one is wrong. */
function linkBrokenPlugins(root: string): void {
  const pkg = (dir: string, name: string, hook: unknown, code: string) => {
    mkdirSync(join(root, dir))
    writeFileSync(join(root, dir, 'package.json'), JSON.stringify({name, version: '1.0.0', type: 'module', oclif: {hooks: {'maestro:plugins': hook}}}))
    writeFileSync(join(root, dir, 'hook.js'), code)
  }
  pkg('broken', 'maestro-plugin-broken', './hook.js', "throw new Error('kaboom at load')\n")
  pkg('odd', 'maestro-plugin-odd', {target: './hook.js', identifier: 'plugins'},
    "export const plugins = async () => [{name: 'old', api: '^0.1.0', register() {}}, {name: 'bad-register', api: '^1.0.0', register(ctx) { ctx.registry.register(Symbol.for('maestro.Reporter'), {useValue: {name: 'half', create: () => ({attach() {}})}}); throw new Error('nope') }}]\n")
  mkdirSync(join(root, 'data/maestro'), {recursive: true})
  const plugins = [
    {type: 'link', name: 'maestro-plugin-broken', root: join(root, 'broken')},
    {type: 'link', name: 'maestro-plugin-odd', root: join(root, 'odd')},
  ]
  writeFileSync(join(root, 'data/maestro/package.json'), JSON.stringify({private: true, oclif: {schema: 1, plugins}}))
}

describe('broken third-party plugins (built binary)', function () {
  // each case spawns the built binary (~0.3-0.5 s a run, more on a loaded machine)
  this.timeout(60_000)
  let root: string
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'maestro-plugins-'))
    linkBrokenPlugins(root)
  })
  after(() => rmSync(root, {recursive: true, force: true}))

  it('are reported as one-line warnings and do not break commands', async () => {
    const env = {XDG_DATA_HOME: join(root, 'data')}
    const r = await maestro(['-f', example, 'validate'], {env})
    expect(r.code).to.equal(0)
    expect(r.stdout.trim()).to.equal('✓ 3 services, 7 containers on 1 ship')
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('warning: plugin'))
    expect(warnings).to.deep.equal([
      'warning: plugin maestro-plugin-broken failed to load and was skipped: kaboom at load',
      'warning: plugin old (from maestro-plugin-odd) needs plugin API ^0.1.0, but this Maestro provides 1.3.0; skipped',
      'warning: plugin bad-register failed to register and was skipped: nope',
    ])
    const deptree = await maestro(['-f', example, 'deptree', 'kafka'], {env})
    expect(deptree.code).to.equal(0)
    expect(deptree.stdout).to.equal('kafka\n \\- zookeeper\n')
  })

  it('a plugin whose module never finishes loading is skipped with one warning, and the command still runs', async () => {
    const home = join(root, 'stuck-home')
    mkdirSync(join(root, 'stuck'))
    writeFileSync(join(root, 'stuck', 'package.json'), JSON.stringify({name: 'maestro-plugin-stuck', version: '1.0.0', type: 'module', oclif: {hooks: {'maestro:plugins': './hook.js'}}}))
    writeFileSync(join(root, 'stuck', 'hook.js'), 'await new Promise(() => {})\nexport default async () => []\n')
    mkdirSync(join(home, 'maestro'), {recursive: true})
    writeFileSync(join(home, 'maestro/package.json'), JSON.stringify({private: true, oclif: {schema: 1, plugins: [{type: 'link', name: 'maestro-plugin-stuck', root: join(root, 'stuck')}]}}))
    // The deadline applies to third-party packages only; a module that never settles never beats it.
    const r = await maestro(['-f', example, 'validate'], {env: {XDG_DATA_HOME: home, MAESTRO_PLUGIN_TIMEOUT_MS: '1000'}})
    expect(r.code, 'not exit 13 from an unsettled import').to.equal(0)
    expect(r.stdout.trim()).to.equal('✓ 3 services, 7 containers on 1 ship')
    expect(r.stderr.split('\n').filter((l) => l.startsWith('warning: plugin'))).to.deep.equal([
      'warning: plugin maestro-plugin-stuck did not finish loading within 1 s and was skipped',
    ])
  })

  it('a plugin whose register() throws after registering a reporter leaves no reporter behind', async () => {
    const r = await maestro(['-f', example, 'validate', '--reporter', 'half'], {env: {XDG_DATA_HOME: join(root, 'data')}})
    expect(r.code).to.equal(2)
    expect(r.stderr.trim().split('\n').at(-1)).to.match(/^ERROR: unknown reporter half \(available: console, /)
  })
})
