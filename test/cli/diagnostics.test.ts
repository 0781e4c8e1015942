import {expect} from 'chai'
import {EventBus} from '../../src/kernel/event-bus.js'
import {attachDiagnostics} from '../../src/cli/diagnostics.js'

describe('attachDiagnostics', () => {
  const emitAll = (debug: boolean): string[] => {
    const lines: string[] = []
    const bus = new EventBus()
    attachDiagnostics(bus, debug, (l) => lines.push(l))
    bus.emit('log', {level: 'debug', source: 'play', message: 'listing containers'})
    bus.emit('log', {level: 'warn', source: 'audit:http', message: 'slow webhook'})
    bus.emit('plugin:error', {plugin: 'maestro-reporter-x', event: 'task:end', error: new Error('boom')})
    return lines
  }

  it('shows warnings and plugin failures, and debug messages only with --debug', () => {
    expect(emitAll(false)).to.deep.equal([
      'warning: audit:http: slow webhook',
      'warning: plugin maestro-reporter-x failed while handling task:end: boom',
    ])
    const debug = emitAll(true)
    expect(debug[0]).to.equal('debug: play: listing containers')
    expect(debug.at(-1)).to.match(/^Error: boom\n\s+at /)
  })
})
