import {expect} from 'chai'
import {EventBus} from '../../src/kernel/event-bus.js'
import type {PluginErrorEvent} from '../../src/api/events.js'

const log = (message: string) => ({level: 'info' as const, source: 'test', message})

describe('EventBus', () => {
  it('keeps delivering to other listeners when one throws, and reports plugin:error', () => {
    const bus = new EventBus(() => 'bad-plugin')
    const seen: string[] = []
    const errors: PluginErrorEvent[] = []
    bus.on('plugin:error', (e) => void errors.push(e))
    bus.on('log', () => {
      throw new Error('boom')
    })
    bus.on('log', (e) => void seen.push(e.message))
    bus.emit('log', log('hello'))
    expect(seen).to.deep.equal(['hello'])
    expect(errors).to.have.length(1)
    expect(errors[0].plugin).to.equal('bad-plugin')
    expect(errors[0].event).to.equal('log')
    expect((errors[0].error as Error).message).to.equal('boom')
  })

  it('turns async rejections into plugin:error and drain() waits for them', async () => {
    const bus = new EventBus()
    const errors: unknown[] = []
    let finished = false
    bus.on('plugin:error', (e) => void errors.push(e.error))
    bus.on('log', async () => {
      await new Promise((r) => setTimeout(r, 20))
      finished = true
      throw new Error('late')
    })
    bus.emit('log', log('x'))
    expect(finished).to.equal(false)
    await bus.drain()
    expect(finished).to.equal(true)
    expect(errors.map((e) => (e as Error).message)).to.deep.equal(['late'])
  })

  it('removes a listener with off() and fires once() listeners a single time', () => {
    const bus = new EventBus()
    const calls: string[] = []
    const l = (e: {message: string}) => void calls.push(`on:${e.message}`)
    bus.on('log', l)
    bus.once('log', (e) => void calls.push(`once:${e.message}`))
    bus.emit('log', log('1'))
    bus.off('log', l)
    bus.emit('log', log('2'))
    expect(calls).to.deep.equal(['on:1', 'once:1'])
  })

  it('off() removes a listener from one event only, when it listens to two', () => {
    const bus = new EventBus()
    const seen: string[] = []
    const both = (e: {message?: string; plugin?: string}) => void seen.push(e.message ?? `plugin:error ${e.plugin}`)
    bus.on('log', both)
    bus.on('plugin:error', both)
    bus.off('plugin:error', both)
    bus.emit('log', log('still here'))
    bus.emit('plugin:error', {plugin: 'p', event: 'log', error: new Error('x')})
    expect(seen).to.deep.equal(['still here'])
    bus.off('log', both)
    expect(bus.wrapperCount).to.equal(0)
  })

  it('forgets once() wrappers after they fire and on off(), so listeners do not pile up', () => {
    const bus = new EventBus()
    for (let i = 0; i < 100; i++) bus.once('log', () => undefined)
    bus.emit('log', log('fire'))
    const never = () => undefined
    bus.once('log', never)
    bus.off('log', never)
    expect(bus.wrapperCount).to.equal(0)
    expect(bus.listenerCount('log')).to.equal(0)
  })
})

describe('unreachableError', () => {
  it('does not wrap an error that already says the ship is unreachable', async () => {
    const {unreachableError} = await import('../../src/api/errors.js')
    const inner = unreachableError('s1', 'tcp://127.0.0.1:1', new Error('connect ECONNREFUSED'))
    const outer = unreachableError('s1', 'tcp://127.0.0.1:1', inner)
    expect(outer.message).to.equal('ship s1 (tcp://127.0.0.1:1) is unreachable: connect ECONNREFUSED')
    expect(outer.exit).to.equal(3)
  })
})
