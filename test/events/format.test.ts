import {expect} from 'chai'
import {environmentEvent, eventLine} from '../../src/events/format.js'
import {makePrefixes} from '../../src/logs/prefix.js'
import {parseSince} from '../../src/logs/since.js'

const names = new Set(['web-1', 'db-1'])
const die = {Type: 'container', Action: 'die', timeNano: 1_765_090_000_123_456_789, Actor: {ID: 'abc', Attributes: {name: 'web-1', exitCode: '3', 'io.maestro.config': '{"env":[]}'}}}

describe('events format (maestro events)', () => {
  it('keeps ship, container, action, time and the exit code, nothing of the labels', () => {
    expect(environmentEvent('ship2', names, die)).to.deep.equal({ship: 'ship2', container: 'web-1', action: 'die', time: '2025-12-07T06:46:40.123Z', exitCode: 3})
  })

  it('drops the command of exec events and ignores other containers and types', () => {
    const exec = {Type: 'container', Action: 'exec_start: sh -c secret', time: 1_765_090_000, Actor: {Attributes: {name: 'db-1'}}}
    expect(environmentEvent('ship1', names, exec)).to.deep.equal({ship: 'ship1', container: 'db-1', action: 'exec_start', time: '2025-12-07T06:46:40.000Z'})
    expect(environmentEvent('ship1', names, {...exec, Actor: {Attributes: {name: 'other-1'}}})).to.equal(undefined)
    expect(environmentEvent('ship1', names, {...exec, Type: 'network'})).to.equal(undefined)
  })

  it('prints a prefixed line like logs, or one JSON object', () => {
    const event = environmentEvent('ship2', names, die)!
    const prefixes = makePrefixes(['web-1', 'db-10'])
    expect(eventLine(event, prefixes, false, false)).to.equal('web-1 | 2025-12-07T06:46:40.123Z die (exit code 3) on ship2\n')
    expect(JSON.parse(eventLine(event, prefixes, false, true))).to.deep.equal(event)
  })

  it('--until counts a duration forward from now, --since back', () => {
    expect(parseSince('30s', 1_000_000, '--until', 1)).to.equal(1030)
    expect(parseSince('30s', 1_000_000)).to.equal(970)
    expect(() => parseSince('soon', 0, '--until', 1)).to.throw(/^--until "soon" is not a duration/)
  })
})
