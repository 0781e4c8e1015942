import {expect} from 'chai'
import {EventEmitter} from 'eventemitter3'
import type {EventSource} from '../../src/api/events.js'
import {InFlight} from '../../src/cli/in-flight.js'
import {interruption, signalExit, windingDown} from '../../src/cli/signals.js'

describe('stop signals', () => {
  it('exit 128 + the signal number, and say which signal stopped the play', () => {
    expect([signalExit('SIGHUP'), signalExit('SIGINT'), signalExit('SIGTERM')]).to.deep.equal([129, 130, 143])
    expect(interruption('SIGTERM')).to.include({code: 'MAESTRO_INTERRUPTED', message: 'interrupted by SIGTERM', exit: 143})
    expect(interruption('SIGINT')).to.include({message: 'interrupted', exit: 130})
    expect(windingDown('SIGHUP')).to.equal('SIGHUP received: finishing actions in flight (Ctrl-C or another signal quits now)')
  })

  it('lists the containers whose action started and has not ended, with their last step', () => {
    const bus = new EventEmitter()
    const inFlight = new InFlight().attach(bus as unknown as EventSource)
    const container = (name: string) => ({name, service: 's', ship: 'ship1', image: 'i'})
    const base = {playId: 'p', at: 0, action: 'start'}
    bus.emit('task:start', {...base, container: container('a-1'), index: 0})
    bus.emit('task:start', {...base, container: container('b-1'), index: 1})
    bus.emit('task:start', {...base, container: container('c-1'), index: 2})
    bus.emit('task:progress', {...base, container: container('b-1'), message: 'stopping'})
    bus.emit('task:end', {...base, container: container('a-1'), outcome: 'started', durationMs: 1})
    bus.emit('task:fail', {...base, container: container('c-1'), durationMs: 1})
    expect(inFlight.lines()).to.deep.equal(['in flight: b-1 on ship1: start (stopping)'])
  })
})
