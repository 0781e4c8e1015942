import {expect} from 'chai'
import type {Server} from 'node:http'
import {slackNotifier} from '../../../plugins/notifiers/slack.js'
import {EventBus} from '../../../src/kernel/event-bus.js'
import {emitPlay, notifierContext, refs} from './play.js'
import {startListener} from './listener.js'

describe('slack notifier', () => {
  const servers: Server[] = []
  afterEach(() => servers.splice(0).forEach((s) => s.close()))

  it('posts coloured attachments to the webhook, collapsing 5+ containers', async () => {
    const {url, received, server} = await startListener()
    servers.push(server)
    const bus = new EventBus()
    const n = slackNotifier.create({type: 'slack', webhook: `${url}/services/T/B/X`, channel: '#ops', name: 'maestro-bot', icon: ':ship:'}, notifierContext())
    n.attach(bus)
    await emitPlay(bus, 'start', refs(5), 'web-3')
    await n.done?.()
    const bodies = received.map((r) => JSON.parse(r.body) as Record<string, unknown>)
    expect(received.every((r) => r.url === '/services/T/B/X' && r.method === 'POST')).to.equal(true)
    expect(bodies.map((b) => b.attachments)).to.deep.equal([
      [{fallback: 'alice is starting 5 containers.', text: 'alice is starting 5 containers.', color: '#439FE0'}],
      [{fallback: 'Failed to start web-3! (message: web-3 did not start)', text: 'Failed to start web-3! (message: web-3 did not start)', color: 'danger'}],
      [{fallback: 'Failed to start 5 containers! (message: web-3 did not start)', text: 'Failed to start 5 containers! (message: web-3 did not start)', color: 'danger'}],
    ])
    expect(bodies[0]).to.include({channel: '#ops', username: 'maestro-bot', icon_emoji: ':ship:'})
  })

  it('sends success in green and an icon URL as icon_url', async () => {
    const {url, received, server} = await startListener()
    servers.push(server)
    const bus = new EventBus()
    const n = slackNotifier.create({type: 'slack', webhook: url, icon: 'https://example.invalid/i.png'}, notifierContext())
    n.attach(bus)
    await emitPlay(bus, 'pull', refs(1))
    await n.done?.()
    const last = JSON.parse(received[1]?.body ?? '') as {icon_url: string; attachments: {color: string; text: string}[]}
    expect(last.icon_url).to.equal('https://example.invalid/i.png')
    expect(last.attachments[0]).to.include({color: 'good', text: 'Pull of web-1 succeeded.'})
  })

  it('explains that the token form needs a webhook', () => {
    expect(() => slackNotifier.create({type: 'slack', token: 'xoxb', channel: '#x'}, notifierContext())).to.throw(/"webhook" is required \(the Web API token form/)
  })
})
