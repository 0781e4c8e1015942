import {hostname} from 'node:os'
import {expect} from 'chai'
import {join} from 'node:path'
import {openEnvironment, isMaestroError, type EventName, type MaestroPlugin, type Session} from '../../src/index.js'
import {ExitCode} from '../../src/api/errors.js'
import {FakeFleet} from '../helpers/fake-docker.js'
import {tempProject} from '../helpers/cli.js'

const SHOP = `name: shop
ships:
  a: {ip: 127.0.0.1, docker_port: 1}
  b: {ip: 127.0.0.2, docker_port: 1}
services:
  db:
    image: postgres:16
    instances: {db-1: {ship: b}}
  app:
    image: app:1
    requires: [db]
    instances: {app-1: {ship: b}}
`

const MARKER = 'maestro-lock-shop'
const pre = (fleet: FakeFleet): MaestroPlugin => ({...fleet.plugin(), order: 'pre'})

/** The calls that change containers on a ship, the marker's own create and remove left out. */
const changes = (fleet: FakeFleet): string[] =>
  fleet.allCalls().filter((c) => /(create|start|stop|kill|remove)Container/.test(c) && !c.includes(MARKER))

function record(s: Session, names: readonly EventName[]): {event: string; payload: Record<string, unknown>}[] {
  const seen: {event: string; payload: Record<string, unknown>}[] = []
  for (const n of names) s.events.on(n, (p) => void seen.push({event: n, payload: p as unknown as Record<string, unknown>}))
  return seen
}

describe('deploy lock through the library (fake fleet)', () => {
  let t: {dir: string; cleanup: () => void}
  let fleet: FakeFleet
  const open = () => openEnvironment(join(t.dir, 'maestro.yaml'), {env: {}, plugins: [pre(fleet)]})
  beforeEach(() => {
    t = tempProject({'maestro.yaml': SHOP})
    fleet = new FakeFleet(['a', 'b'])
    for (const d of fleet.ships.values()) for (const img of ['postgres:16', 'app:1']) d.addImage(img)
  })
  afterEach(() => t.cleanup())

  it('lives on the first ship the file places a container on, carries its holder, and is released at close', async () => {
    const s = await open()
    const seen = record(s, ['lock:acquired', 'lock:released', 'play:start'])
    const r = await s.start()
    expect(r.exitCode).to.equal(0)
    expect(fleet.get('a').containers.has(MARKER)).to.equal(false)
    const marker = fleet.get('b').containers.get(MARKER)!
    expect(marker.running).to.equal(false)
    expect(marker.body.Labels?.['io.maestro.lock']).to.equal('shop')
    expect(marker.body.Labels?.['io.maestro.lock.command']).to.equal('start')
    expect(marker.body.Labels?.['io.maestro.lock.pid']).to.equal(String(process.pid))
    expect(marker.body.Labels?.['io.maestro.environment']).to.equal(undefined)
    expect(seen.map((e) => e.event)).to.deep.equal(['lock:acquired', 'play:start'])
    // a second play of the same session keeps the lock it holds
    expect((await s.stop()).exitCode).to.equal(0)
    expect(fleet.get('b').containers.has(MARKER)).to.equal(true)
    await s.close()
    expect(fleet.get('b').containers.has(MARKER)).to.equal(false)
    expect(seen.map((e) => e.event)).to.deep.equal(['lock:acquired', 'play:start', 'play:start', 'lock:released'])
  })

  it('refuses a second run with exit 5 naming the holder, changes nothing, and reports it as play:error', async () => {
    const holder = await open()
    const other = await open()
    try {
      await holder.start(['db-1'])
      const before = changes(fleet).length
      const seen = record(other, ['lock:refused', 'play:error', 'play:start'])
      const e = await other.start().then(() => undefined, (x: unknown) => x)
      expect(isMaestroError(e) && e.code).to.equal('MAESTRO_LOCKED')
      expect(isMaestroError(e) && e.exit).to.equal(ExitCode.LOCKED)
      expect(isMaestroError(e) && e.message).to.match(new RegExp(`^environment shop is locked on ship b by [^ ]+@[^ ]+ pid ${process.pid}, maestro start, \\d+s ago$`))
      expect(changes(fleet).length).to.equal(before)
      expect(seen.map((x) => x.event)).to.deep.equal(['lock:refused', 'play:error'])
      expect((seen[1].payload.error as {code: string}).code).to.equal('MAESTRO_LOCKED')
      // read-only commands never take it
      expect((await other.status()).exitCode).to.equal(0)
      expect((await other.plan()).changes).to.equal(true)
    } finally {
      await holder.close()
      await other.close()
    }
    expect(fleet.get('b').containers.has(MARKER)).to.equal(false)
  })

  it('with lockTimeout waits for the holder to release, then goes on', async () => {
    const holder = await open()
    const other = await open()
    try {
      await holder.start(['db-1'])
      const seen = record(other, ['lock:waiting', 'lock:acquired'])
      other.events.on('lock:waiting', () => void holder.close())
      const r = await other.start([], {lockTimeout: 30})
      expect(r.exitCode).to.equal(0)
      expect(seen.map((x) => x.event)).to.deep.equal(['lock:waiting', 'lock:acquired'])
      expect(seen[0].payload.timeoutSeconds).to.equal(30)
      expect(fleet.get('b').containers.get(MARKER)!.body.Labels?.['io.maestro.lock.token']).to.equal((seen[1].payload.holder as {token: string}).token)
    } finally {
      await holder.close()
      await other.close()
    }
  })

  it('checks the ships before it takes the lock: an unreachable ship keeps its location and no lock is left', async () => {
    fleet.get('b').down = true
    const s = await open()
    try {
      const seen = record(s, ['lock:acquired', 'play:error'])
      const e = await s.start().then(() => undefined, (x: unknown) => x)
      expect(isMaestroError(e) && e.exit).to.equal(ExitCode.UNREACHABLE)
      expect(isMaestroError(e) && e.loc?.line).to.equal(4)
      expect(seen.map((x) => x.event)).to.deep.equal(['play:error'])
      expect(fleet.allCalls().filter((c) => c.includes(MARKER))).to.deep.equal([])
    } finally {
      await s.close()
    }
  })

  it('an unreachable lock ship outside the play fails at its location, changing nothing', async () => {
    t.cleanup()
    t = tempProject({'maestro.yaml': SHOP.replace('instances: {db-1: {ship: b}}', 'instances: {db-1: {ship: a}}')})
    fleet.get('a').down = true
    const s = await open()
    try {
      // app-1 alone, on b; the lock lives on a (the first ship the file uses), which does not answer
      const e = await s.start(['app-1'], {ignoreDependencies: true}).then(() => undefined, (x: unknown) => x)
      expect(isMaestroError(e) && e.exit).to.equal(ExitCode.UNREACHABLE)
      expect(isMaestroError(e) && e.loc?.line).to.equal(3)
      expect(changes(fleet)).to.deep.equal([])
    } finally {
      await s.close()
    }
  })

  it('is released when the play fails', async () => {
    fleet.get('b').failWith = (call, arg) => (call === 'startContainer' && arg === 'db-1' ? new Error('boom') : undefined)
    const s = await open()
    const r = await s.start()
    expect(r.exitCode).to.equal(ExitCode.ACTION_FAILED)
    await s.close()
    expect(fleet.get('b').containers.has(MARKER)).to.equal(false)
  })

  it('takes over a lock whose holder ran on this host and is gone, saying so', async () => {
    const dead = 2 ** 22 + 12345 // above Linux's default pid_max: no such process
    fleet.get('b').seed(MARKER, {Image: 'app:1', Labels: {
      'io.maestro.lock': 'shop', 'io.maestro.lock.user': 'bob', 'io.maestro.lock.host': hostname(), 'io.maestro.lock.pid': String(dead),
      'io.maestro.lock.since': new Date(Date.now() - 60_000).toISOString(), 'io.maestro.lock.command': 'start', 'io.maestro.lock.token': 'crashed',
    }}, false)
    const s = await open()
    const released: Array<{forced?: boolean, pid: number}> = []
    s.events.on('lock:released', (e) => void released.push({forced: e.forced, pid: e.holder.pid}))
    try {
      const r = await s.start()
      expect(r.exitCode).to.equal(ExitCode.OK)
    } finally {
      await s.close()
    }
    expect(released[0]).to.deep.equal({forced: true, pid: dead})
    expect(released.length).to.equal(2)
    expect(fleet.get('b').containers.has(MARKER)).to.equal(false)
  })

  it('a stale lock is still refused, and said to be stale', async () => {
    fleet.get('b').seed(MARKER, {Image: 'app:1', Labels: {
      'io.maestro.lock': 'shop', 'io.maestro.lock.user': 'bob', 'io.maestro.lock.host': 'ci-9', 'io.maestro.lock.pid': '77',
      'io.maestro.lock.since': new Date(Date.now() - 7 * 3600_000).toISOString(), 'io.maestro.lock.command': 'restart', 'io.maestro.lock.token': 'old',
    }}, false)
    const s = await open()
    try {
      const e = await s.start().then(() => undefined, (x: unknown) => x)
      expect(isMaestroError(e) && e.message).to.match(/^environment shop is locked on ship b by bob@ci-9 pid 77, maestro restart, 7h(\d+s)? ago \(stale: older than 6h\)$/)
      expect(isMaestroError(e) && e.hint).to.include('maestro lock release (the container maestro-lock-')
    } finally {
      await s.close()
    }
    expect(fleet.get('b').containers.has(MARKER)).to.equal(true)
  })

  it('lockState reads the holder without taking the lock; forceUnlock removes any holder\'s marker with lock:released forced', async () => {
    const holder = await open()
    const other = await open()
    try {
      expect(await other.lockState()).to.deep.equal({environment: 'shop', ship: 'b'})
      await holder.start(['db-1'])
      const state = await other.lockState()
      expect(state?.ship).to.equal('b')
      expect(state?.holder?.pid).to.equal(process.pid)
      expect(state?.holder?.command).to.equal('start')
      const seen = record(other, ['lock:released'])
      const removed = await other.forceUnlock()
      expect(removed?.holder?.token).to.equal(state?.holder?.token)
      expect(fleet.get('b').containers.has(MARKER)).to.equal(false)
      expect(seen.map((e) => [e.event, e.payload.forced])).to.deep.equal([['lock:released', true]])
      expect((await other.forceUnlock())?.holder).to.equal(undefined)
    } finally {
      await holder.close()
      await other.close()
    }
  })
})
