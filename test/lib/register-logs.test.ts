import {expect} from 'chai'
import {join} from 'node:path'
import {PassThrough} from 'node:stream'
import {openEnvironment, definePlugin, Tokens, type ReporterFactory} from '../../src/index.js'
import {tempProject} from '../helpers/cli.js'

const FILE = `name: quiet
ships:
  a: {ip: 127.0.0.1, docker_port: 1}
services:
  web:
    image: nginx
    instances: {web-1: {ship: a}}
`

/** Writes every `log` event it hears as `level source: message`. */
const heard: ReporterFactory = {
  name: 'heard',
  create: ({out}) => ({attach: (events) => void events.on('log', (e) => void out.write(`${e.level} ${e.source}: ${e.message}\n`))}),
}

const chatty = definePlugin({
  name: 'chatty',
  api: '^1.0.0',
  register(ctx) {
    ctx.log.info('registered')
    ctx.log.warn('no token configured')
    ctx.registry.register(Tokens.Reporter, {useValue: heard})
  },
})

describe('library: ctx.log calls made during register()', () => {
  let t: {dir: string; cleanup: () => void}
  before(() => (t = tempProject({'maestro.yaml': FILE})))
  after(() => t.cleanup())

  it('are held until the session runs something, then reach a reporter attached after openEnvironment(), once', async () => {
    const s = await openEnvironment(join(t.dir, 'maestro.yaml'), {plugins: [chatty]})
    const out = new PassThrough()
    let text = ''
    out.on('data', (d: Buffer) => (text += d.toString()))
    s.useReporter('heard', out)
    expect(text).to.equal('')
    await s.close()
    expect(text).to.equal('info chatty: registered\nwarn chatty: no token configured\n')
  })
})
