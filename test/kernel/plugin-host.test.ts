import {expect} from 'chai'
import {Kernel} from '../../src/kernel/kernel.js'
import {orderPlugins} from '../../src/kernel/plugin-host.js'
import {apiAccepts} from '../../src/kernel/plugin-admission.js'
import {definePlugin, Tokens, MaestroError, type Scheduler} from '../../src/api/index.js'

const scheduler = (name: string): Scheduler => ({name, run: async () => new Map()})

describe('plugin host', () => {
  it('accepts API ranges of the same major only', () => {
    expect(apiAccepts('^1.0.0', '1.2.0')).to.equal(true)
    expect(apiAccepts('1.x', '1.0.0')).to.equal(true)
    expect(apiAccepts('>=1.0.0 <2', '1.4.0')).to.equal(true)
    expect(apiAccepts('^2.0.0', '1.0.0')).to.equal(false)
    expect(apiAccepts('>=2', '1.0.0')).to.equal(false)
    expect(apiAccepts('banana', '1.0.0')).to.equal(false)
  })

  it('orders pre, normal, post and dependencies first', () => {
    const mk = (name: string, extra: object = {}) => definePlugin({name, api: '^1', register() {}, ...extra})
    const order = orderPlugins([mk('c', {order: 'post'}), mk('b', {dependencies: ['a']}), mk('a'), mk('p', {order: 'pre'})])
    expect(order.map((p) => p.name)).to.deep.equal(['p', 'a', 'b', 'c'])
  })

  it('registers providers that the kernel resolves, in registration order', async () => {
    const k = await Kernel.boot({
      plugins: [
        definePlugin({name: 'one', api: '^1.0.0', register: (ctx) => ctx.registry.register(Tokens.Scheduler, {useValue: scheduler('s1')})}),
        definePlugin({name: 'two', api: '^1.0.0', register: (ctx) => ctx.registry.register(Tokens.Scheduler, {useFactory: () => scheduler('s2')})}),
      ],
    })
    expect(k.resolveAll(Tokens.Scheduler).map((s) => s.name)).to.deep.equal(['s1', 's2'])
    expect(k.first(Tokens.Scheduler, (s) => s.name === 's2', 'a scheduler').name).to.equal('s2')
    expect(() => k.first(Tokens.Scheduler, (s) => s.name === 'nope', 'scheduler nope')).to.throw(MaestroError, /no plugin provides scheduler nope/)
    expect(k.plugins.map((p) => p.name)).to.deep.equal(['one', 'two'])
  })

  it('keeps registrations of separate kernels apart', async () => {
    const a = await Kernel.boot({plugins: [definePlugin({name: 'a', api: '^1', register: (ctx) => ctx.registry.register(Tokens.Scheduler, {useValue: scheduler('a')})})]})
    const b = await Kernel.boot({plugins: []})
    expect(a.resolveAll(Tokens.Scheduler)).to.have.length(1)
    expect(b.resolveAll(Tokens.Scheduler)).to.have.length(0)
  })

  it('skips duplicates, wrong API versions, missing dependencies and failed registrations with coded problems', async () => {
    const p = (name: string, extra: object = {}) => definePlugin({name, api: '^1.0.0', register() {}, ...extra})
    const codesOf = async (plugins: ReturnType<typeof p>[]) => (await Kernel.boot({plugins})).problems.map((e) => e.code)
    expect(await codesOf([p('x'), p('x')])).to.deep.equal(['MAESTRO_PLUGIN_DUPLICATE'])
    expect(await codesOf([p('x', {api: '^9.0.0'})])).to.deep.equal(['MAESTRO_PLUGIN_API'])
    expect(await codesOf([p('x', {dependencies: ['y']})])).to.deep.equal(['MAESTRO_PLUGIN_DEPENDENCY'])
    expect(await codesOf([p('x', {register: () => {
      throw new Error('kaput')
    }})])).to.deep.equal(['MAESTRO_PLUGIN_REGISTER'])
  })

  it('stages registration: a plugin whose register() throws half-way leaves no provider and no listener behind, and its dependents are skipped', async () => {
    const heard: string[] = []
    const k = await Kernel.boot({
      plugins: [
        definePlugin({name: 'good', api: '^1.0.0', register: (ctx) => ctx.registry.register(Tokens.Scheduler, {useValue: scheduler('good')})}),
        definePlugin({name: 'half', api: '^1.0.0', register: (ctx) => {
          ctx.registry.register(Tokens.Scheduler, {useValue: scheduler('half')})
          ctx.events.on('log', (e) => void heard.push(e.message))
          throw new Error('kaput')
        }}),
        definePlugin({name: 'after', api: '^1.0.0', dependencies: ['half'], register: (ctx) => ctx.registry.register(Tokens.Scheduler, {useValue: scheduler('after')})}),
      ],
    })
    k.bus.emit('log', {level: 'info', source: 't', message: 'hello'})
    expect(k.resolveAll(Tokens.Scheduler).map((s) => s.name)).to.deep.equal(['good'])
    expect(heard).to.deep.equal([])
    expect(k.plugins.map((p) => p.name)).to.deep.equal(['good'])
    expect(k.problems.map((e) => e.message)).to.deep.equal([
      'plugin half failed to register and was skipped: kaput',
      'plugin after depends on half, which failed to register; skipped',
    ])
  })

  it('gives each plugin an event view whose listener errors name the plugin', async () => {
    const k = await Kernel.boot({
      plugins: [definePlugin({name: 'noisy', api: '^1', register: (ctx) => void ctx.events.on('log', () => {
        throw new Error('x')
      })})],
    })
    const owners: string[] = []
    k.events.on('plugin:error', (e) => void owners.push(e.plugin))
    k.bus.emit('log', {level: 'info', source: 't', message: 'm'})
    expect(owners).to.deep.equal(['noisy'])
  })
})
