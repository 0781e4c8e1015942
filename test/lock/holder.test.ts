import {expect} from 'chai'
import {ExitCode} from '../../src/api/errors.js'
import {describeHolder, describeLockState, holderLabels, lockedError, lockName, lockShip, readHolder, STALE_AFTER_MS, staleness, type Here, type LockHolder} from '../../src/lock/holder.js'
import type {Environment} from '../../src/model/types.js'

const holder: LockHolder = {user: 'alice', host: 'build-7', pid: 4242, since: Date.parse('2026-12-07T06:00:00Z'), command: 'start', token: 't-1'}
const at = (now: number, alive = true, host = 'build-7'): Here => ({host, now, alive: () => alive})

describe('deploy lock holder', () => {
  it('round-trips through the marker labels', () => {
    const labels = holderLabels('prod', holder)
    expect(labels['io.maestro.lock']).to.equal('prod')
    expect(labels['io.maestro.environment']).to.equal(undefined)
    expect(readHolder(labels)).to.deep.equal(holder)
  })

  it('reads unreadable labels as unknown rather than failing', () => {
    expect(readHolder({'io.maestro.lock.pid': 'x'})).to.deep.equal({user: 'unknown', host: 'unknown', pid: 0, since: 0, command: 'unknown', token: ''})
  })

  it('names the marker after the environment with only characters Docker accepts', () => {
    expect(lockName('prod')).to.equal('maestro-lock-prod')
    expect(lockName('my env/é')).to.equal('maestro-lock-my-env--')
  })

  it('is stale when its holder on this host is dead, or when it is too old', () => {
    expect(staleness(holder, at(holder.since + 1000))).to.equal(undefined)
    expect(staleness(holder, at(holder.since + 1000, false))).to.equal('pid 4242 is not running on build-7')
    expect(staleness(holder, at(holder.since + 1000, false, 'other'))).to.equal(undefined)
    expect(staleness(holder, at(holder.since + STALE_AFTER_MS + 1, true, 'other'))).to.equal('older than 6h')
  })

  it('describes the holder with its command and age, and says why it is stale', () => {
    expect(describeHolder(holder, at(holder.since + 192_000))).to.equal('alice@build-7 pid 4242, maestro start, 3m12s ago')
    expect(describeHolder(holder, at(holder.since + 5000, false))).to.equal('alice@build-7 pid 4242, maestro start, 5s ago (stale: pid 4242 is not running on build-7)')
  })

  it('refuses with the lock exit code and one line naming the holder', () => {
    const e = lockedError('prod', 'ship1', holder, at(holder.since + 60_000), 3)
    expect(e.exit).to.equal(ExitCode.LOCKED)
    expect(e.code).to.equal('MAESTRO_LOCKED')
    expect(e.message).to.equal('environment prod is locked on ship ship1 by alice@build-7 pid 4242, maestro start, 1m ago (waited 3 s)')
    expect(e.message).to.not.include('\n')
    expect(lockedError('prod', 'ship1', holder, at(holder.since, false), 0).hint).to.equal('the holder looks gone: check, then remove it with maestro lock release (the container maestro-lock-prod on ship ship1)')
  })

  it('lives on the first ship of the file that the file places a container on', () => {
    const env = {ships: {a: {}, b: {}, c: {}}, containers: {x: {ship: 'c'}, y: {ship: 'b'}}} as unknown as Environment
    expect(lockShip(env)).to.equal('b')
    expect(lockShip({ships: {a: {}}, containers: {}} as unknown as Environment)).to.equal('a')
  })

  it('lock status says free, held, or held and stale with the release command', () => {
    expect(describeLockState({environment: 'prod', ship: 'b'}, at(holder.since))).to.equal('environment prod is not locked (ship b, no maestro-lock-prod container)')
    expect(describeLockState({environment: 'prod', ship: 'b', holder}, at(holder.since + 60_000))).to.equal('environment prod is locked on ship b by alice@build-7 pid 4242, maestro start, 1m ago')
    expect(describeLockState({environment: 'prod', ship: 'b', holder}, at(holder.since + 60_000, false)))
      .to.equal('environment prod is locked on ship b by alice@build-7 pid 4242, maestro start, 1m ago (stale: pid 4242 is not running on build-7); remove it with: maestro lock release')
  })
})
