import {expect} from 'chai'
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {maestro} from '../helpers/cli.js'
import {pluginPackage, pluginProject, type PluginProject} from '../helpers/example-plugin.js'

/** A third-party package providing a loader, a lifecycle check, an audit notifier, a transport and a scheduler. */
const HOOK = `import {appendFileSync, readFileSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import {definePlugin, Tokens, MaestroError} from 'maestro-ng/plugin'

const jsonLoader = {
  name: 'json',
  canLoad: (file) => file.endsWith('.json'),
  async load(file) {
    const abs = resolve(file)
    const text = readFileSync(abs, 'utf8')
    return {file: abs, baseDir: dirname(abs), rendered: text, templated: false, data: JSON.parse(text), locate: () => undefined, line: (n) => text.split('\\n')[n - 1]}
  },
}

const neverReady = {
  type: 'never-ready',
  validate: (spec) => (typeof spec.reason === 'string' ? [] : ['never-ready needs a reason']),
  run: async (spec) => { throw new MaestroError('MAESTRO_CHECK_FAILED', spec.reason) },
}

const jsonlFile = {
  type: 'jsonl-file',
  create: (spec) => ({
    attach(events) {
      events.on('task:end', (e) => appendFileSync(spec.path, JSON.stringify({container: e.container.name, outcome: e.outcome}) + '\\n'))
    },
  }),
}

// Ships at 127.0.0.9 are "empty": every container is absent, without any Docker.
const emptyShips = {
  name: 'empty',
  canHandle: (ship) => ship.ip === '127.0.0.9',
  connect: (ship) => ({
    ship: ship.name, endpoint: 'empty://' + ship.name, stats: {requests: 0, connections: 0},
    listContainers: async () => [], close: async () => {},
  }),
}

// One node at a time, last first, each id appended to scheduled.txt in the current directory.
const reversed = {
  name: 'reversed',
  async run(nodes, options, work) {
    const results = new Map()
    for (const node of [...nodes].reverse()) {
      appendFileSync('scheduled.txt', node.id + '\\n')
      try {
        await work(node.id)
        results.set(node.id, {status: 'done'})
      } catch (error) {
        results.set(node.id, {status: 'failed', error})
      }
    }
    return results
  },
}

export const plugins = async () => [definePlugin({
  name: 'kitchen-sink',
  api: '^1.0.0',
  order: 'pre',
  register(ctx) {
    ctx.registry.register(Tokens.Loader, {useValue: jsonLoader})
    ctx.registry.register(Tokens.Check, {useValue: neverReady})
    ctx.registry.register(Tokens.Notifier, {useValue: jsonlFile})
    ctx.registry.register(Tokens.Transport, {useValue: emptyShips})
    ctx.registry.register(Tokens.Scheduler, {useValue: reversed})
  },
})]
`

const env = (lifecycle: unknown, audit: unknown[] = []) => JSON.stringify({
  name: 'json-env',
  ships: {vm1: {ip: '127.0.0.1', docker_port: 1, timeout: 2}, empty1: {ip: '127.0.0.9'}},
  audit,
  services: {
    zk: {image: 'zookeeper:3.9', instances: {'zk-1': {ship: 'vm1', lifecycle}}},
    web: {image: 'nginx', instances: {'web-1': {ship: 'empty1'}}},
  },
}, null, 2)

describe('a linked plugin adds a loader, a check, a notifier, a transport and a scheduler (built binary)', function () {
  this.timeout(60_000)
  let p: PluginProject
  const run = (args: string[]) => p.run(args)

  before(async () => {
    p = pluginProject({
      'good.json': env({running: [{type: 'never-ready', reason: 'not today'}]}, [{type: 'jsonl-file', path: 'audit.jsonl'}]),
      'bad.json': env({running: [{type: 'never-ready'}]}),
    })
    const dir = pluginPackage(p.home.dir, 'maestro-plugin-kitchen-sink', {'index.js': HOOK}, {linkMaestro: true})
    const link = await run(['plugins', 'link', dir, '--no-install'])
    expect(link.code, link.stderr).to.equal(0)
  })
  after(() => p.cleanup())

  it('loads a .json environment through the plugin loader, with its check type known', async () => {
    const r = await run(['-f', 'good.json', 'validate'])
    expect(r.code, r.stderr).to.equal(0)
    expect(r.stdout.trim()).to.equal('✓ 2 services, 2 containers on 2 ships')
  })

  it('reports what the check validator finds as a configuration error (exit 2)', async () => {
    const r = await run(['-f', 'bad.json', 'validate'])
    expect(r.code).to.equal(2)
    expect(r.stderr).to.contain('never-ready needs a reason')
  })

  it('reaches ships through the plugin transport and notifies the audit entry of the plugin type', async () => {
    const r = await run(['-f', 'good.json', 'status'])
    expect(r.code, r.stderr).to.equal(0)
    expect(r.stdout).to.match(/zk-1 .*host down\n/).and.match(/web-1 .*absent\n/)
    const audit = readFileSync(join(p.dir, 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown)
    expect(audit).to.have.deep.members([{container: 'zk-1', outcome: 'host down'}, {container: 'web-1', outcome: 'absent'}])
  })

  it('orders a play with the plugin scheduler picked by --scheduler or MAESTRO_SCHEDULER; dag stays the default', async () => {
    const scheduled = join(p.dir, 'scheduled.txt')
    const dag = await run(['-f', 'good.json', 'status'])
    expect(dag.code, dag.stderr).to.equal(0)
    expect(existsSync(scheduled)).to.equal(false)
    const flag = await run(['-f', 'good.json', 'status', '--scheduler', 'reversed'])
    expect(flag.code, flag.stderr).to.equal(0)
    expect(flag.stdout).to.match(/web-1 .*absent\n/)
    expect(readFileSync(scheduled, 'utf8')).to.equal('web-1\nzk-1\n')
    const before = await maestro(['--scheduler', 'reversed', '-f', 'good.json', 'status'], {cwd: p.dir, env: p.home.env})
    expect(before.code, before.stderr).to.equal(0)
    const viaEnv = await maestro(['-f', 'good.json', 'status'], {cwd: p.dir, env: {...p.home.env, MAESTRO_SCHEDULER: 'reversed'}})
    expect(viaEnv.code, viaEnv.stderr).to.equal(0)
    expect(readFileSync(scheduled, 'utf8')).to.equal('web-1\nzk-1\n'.repeat(3))
  })

  it('refuses an unknown scheduler with the installed ones, exit 2, before touching any ship', async () => {
    const r = await run(['-f', 'good.json', 'status', '--scheduler', 'random'])
    expect(r.code).to.equal(2)
    expect(r.stderr).to.match(/^ERROR: unknown scheduler random \(available: (dag, reversed|reversed, dag)\) \(choose one with --scheduler NAME or MAESTRO_SCHEDULER; /m)
    expect(r.stdout).to.equal('')
  })
})
