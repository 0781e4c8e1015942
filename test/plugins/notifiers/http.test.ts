import {expect} from 'chai'
import type {Server} from 'node:http'
import {httpNotifier} from '../../../plugins/notifiers/http.js'
import {EventBus} from '../../../src/kernel/event-bus.js'
import {emitPlay, notifierContext, refs} from './play.js'
import {startListener} from './listener.js'

describe('http notifier', () => {
  const servers: Server[] = []
  afterEach(() => servers.splice(0).forEach((s) => {
    s.closeAllConnections()
    s.close()
  }))

  it('posts the rendered payload with headers for action events only', async () => {
    const {url, received, server} = await startListener()
    servers.push(server)
    const bus = new EventBus()
    const n = httpNotifier.create({
      type: 'http', endpoint: `${url}/hook`, headers: {'X-Token': 'sekrit'},
      payload: {text: '{message}', who: '{who}', what: '{what}', tags: ['{action}', '{nothing}'], empty: '{missing_is_kept}'},
    }, notifierContext())
    n.attach(bus)
    await emitPlay(bus, 'start', refs(2))
    await n.done?.()
    expect(received).to.have.length(1)
    expect(received[0]?.method).to.equal('POST')
    expect(received[0]?.url).to.equal('/hook')
    expect(received[0]?.headers['x-token']).to.equal('sekrit')
    expect(received[0]?.headers['content-type']).to.equal('application/json')
    expect(JSON.parse(received[0]?.body ?? '')).to.deep.equal({
      text: 'alice is starting web-1, web-2.', who: 'alice', what: 'web-1, web-2', tags: ['start', '{nothing}'], empty: '{missing_is_kept}',
    })
  })

  it('drops fields that render empty, sends task actions at debug, and uses GET when asked', async () => {
    const {url, received, server} = await startListener()
    servers.push(server)
    const bus = new EventBus()
    const n = httpNotifier.create({type: 'http', endpoint: url, method: 'get', level: 'debug', payload: {m: '{message}', blank: ''}}, notifierContext())
    n.attach(bus)
    await emitPlay(bus, 'kill', refs(1))
    await n.done?.()
    expect(received.map((r) => r.method)).to.deep.equal(['GET', 'GET'])
    expect(received.map((r) => JSON.parse(r.body))).to.deep.equal([{m: 'alice is killing web-1.'}, {m: 'alice is killing web-1.'}])
  })

  it('sends the default payload when none is configured', async () => {
    const {url, received, server} = await startListener()
    servers.push(server)
    const bus = new EventBus()
    const n = httpNotifier.create({type: 'http', endpoint: url}, notifierContext())
    n.attach(bus)
    await emitPlay(bus, 'restart', refs(1))
    await n.done?.()
    expect(JSON.parse(received[0]?.body ?? '')).to.deep.equal({what: 'web-1', action: 'restart', who: 'alice', message: 'alice is restarting web-1.'})
  })

  it('fails through done() on an error status or a timeout, unless ignore_errors', async () => {
    const bad = await startListener(500)
    const slow = await startListener(200, 2000)
    servers.push(bad.server, slow.server)
    const run = async (spec: Record<string, unknown>): Promise<Error | undefined> => {
      const bus = new EventBus()
      const n = httpNotifier.create(spec, notifierContext())
      n.attach(bus)
      await emitPlay(bus, 'start', refs(1))
      return n.done?.().then(() => undefined, (e: Error) => e)
    }
    const failure = (await run({type: 'http', endpoint: `${bad.url}/hooks/T0KEN-s3cret?key=s3cret`}))?.message
    expect(failure, 'names the host, never the URL with its token').to.equal(`http notifier could not deliver the action of start: ${new URL(bad.url).host} answered HTTP 500`)
    expect((await run({type: 'http', endpoint: slow.url, timeout: 0.2}))?.message).to.match(/timed out after 200 ms/)
    expect(await run({type: 'http', endpoint: bad.url, ignore_errors: true})).to.equal(undefined)
  })

  it('refuses a bad method or a missing endpoint', () => {
    expect(() => httpNotifier.create({type: 'http', endpoint: 'http://127.0.0.1:1', method: 'PUT'}, notifierContext())).to.throw('GET or POST')
    expect(() => httpNotifier.create({type: 'http'}, notifierContext())).to.throw('"endpoint" is required')
  })
})
