import {expect} from 'chai'
import {execFile} from 'node:child_process'
import {mkdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {PassThrough} from 'node:stream'
import {pathToFileURL} from 'node:url'
import {promisify} from 'node:util'
import {bootPlugins, Tokens, type MaestroPlugin} from '../../src/index.js'
import {projectRoot} from '../helpers/cli.js'
import {pluginProject, type PluginProject} from '../helpers/example-plugin.js'
import {OFFLINE_ZK} from '../helpers/fixtures.js'

const run = promisify(execFile)

/** The fenced blocks of docs/plugins.md whose info string names a file (```ts file=src/index.ts). */
export function quickStartFiles(markdown: string): Record<string, string> {
  const files: Record<string, string> = {}
  for (const m of markdown.matchAll(/^```\w+ file=(\S+)\n([\s\S]*?)^```$/gm)) files[m[1]!] = m[2]!
  return files
}

describe('docs/plugins.md quick start, followed from an empty folder (built binary)', function () {
  this.timeout(60_000)
  let p: PluginProject
  let pluginDir: string
  const cli = (args: string[], cwd?: string) => p.run(args, cwd)

  before(async () => {
    p = pluginProject({'maestro.yaml': OFFLINE_ZK})
    pluginDir = join(p.home.dir, 'maestro-plugin-hello')
    const files = quickStartFiles(readFileSync(join(projectRoot, 'docs', 'plugins.md'), 'utf8'))
    expect(Object.keys(files).sort()).to.deep.equal(['package.json', 'src/index.ts', 'tsconfig.json'])
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(pluginDir, name)), {recursive: true})
      writeFileSync(join(pluginDir, name), text)
    }
    // `npm install`, offline: maestro-ng is this checkout; typescript and @types/node come from its node_modules.
    mkdirSync(join(pluginDir, 'node_modules', '@types'), {recursive: true})
    symlinkSync(projectRoot, join(pluginDir, 'node_modules', 'maestro-ng'), 'dir')
    symlinkSync(join(projectRoot, 'node_modules', '@types', 'node'), join(pluginDir, 'node_modules', '@types', 'node'), 'dir')
    await run(process.execPath, [join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], {cwd: pluginDir})
  })
  after(() => p.cleanup())

  it('links the folder and lists it', async () => {
    const link = await cli(['plugins', 'link', '.', '--no-install'], pluginDir)
    expect(link.code, link.stderr).to.equal(0)
    const list = await cli(['plugins'])
    expect(list.stdout.trim()).to.equal(`maestro-plugin-hello 0.1.0 (link) ${pluginDir}`)
  })

  it('prints what the page says with --reporter hello', async () => {
    const r = await cli(['status', '--reporter', 'hello'])
    expect(r.code, r.stderr).to.equal(0)
    expect(r.stdout).to.equal('hello zk-1: host down\nhello: 1 container(s)\n')
    expect(r.stderr).to.equal('')
  })

  it('passes the unit test of "Testing a plugin" on the real event bus', async () => {
    const mod = (await import(pathToFileURL(join(pluginDir, 'dist', 'index.js')).href)) as {helloPlugin: MaestroPlugin}
    const h = await bootPlugins([mod.helloPlugin])
    const factory = h.resolveAll(Tokens.Reporter).find((f) => f.name === 'hello')!
    const out = new PassThrough()
    let text = ''
    out.on('data', (d: Buffer) => (text += d.toString()))
    const reporter = factory.create({out, isTTY: false, color: false, progress: 'plain', columns: 0, options: {}, showHosts: false})
    reporter.attach(h.events)
    h.emit('task:end', {playId: 'p', at: 0, container: {name: 'web-1', service: 'web', ship: 'vm1', image: 'nginx'}, action: 'start', outcome: 'started', durationMs: 5})
    await reporter.done?.()
    expect(text).to.equal('hello web-1: started\nhello: 1 container(s)\n')
  })

  it('combines with the console reporter and is gone after uninstall', async () => {
    const both = await cli(['status', '--reporter', 'console', '--reporter', 'hello'])
    expect(both.stdout).to.match(/zk-1 .*host down\n/).and.match(/hello zk-1: host down\n/)
    expect((await cli(['plugins', 'uninstall', 'maestro-plugin-hello'])).code).to.equal(0)
    const gone = await cli(['status', '--reporter', 'hello'])
    expect(gone.code).to.equal(2)
    expect(gone.stderr).to.match(/unknown reporter hello/)
  })
})
