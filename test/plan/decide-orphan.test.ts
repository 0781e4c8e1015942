import {expect} from 'chai'
import {decideOrphan} from '../../src/plan/decide-orphan.js'
import type {Orphan} from '../../src/plan/orphans.js'
import type {Action} from '../../src/api/events.js'

const seen = (running: boolean) => ({id: 'x', name: 'db-1', ship: 'a', running, state: running ? 'running' : 'exited', status: '', image: 'i', imageId: 'i', created: 0, labels: {'io.maestro.service': 'db'}})
const moved = (running: boolean): Orphan => ({kind: 'moved', container: seen(running), movedTo: 'c'})
const unknown = (running: boolean): Orphan => ({kind: 'unknown', container: seen(running)})

describe('decideOrphan', () => {
  const rows: [string, Orphan, Action, {converge?: boolean; removeOrphans?: boolean}, string][] = [
    ['moved, start', moved(true), 'start', {}, 'keep'],
    ['moved, start --converge', moved(true), 'start', {converge: true}, 'remove'],
    ['moved, plan --converge', moved(false), 'plan', {converge: true}, 'remove'],
    ['moved, start --remove-orphans', moved(true), 'start', {removeOrphans: true}, 'keep'],
    ['unknown, start', unknown(true), 'start', {converge: true}, 'keep'],
    ['unknown, start --remove-orphans', unknown(true), 'start', {removeOrphans: true}, 'remove'],
    ['moved running, stop', moved(true), 'stop', {}, 'stop'],
    ['moved stopped, stop', moved(false), 'stop', {}, 'keep'],
    ['moved running, kill', moved(true), 'kill', {}, 'kill'],
    ['unknown running, stop', unknown(true), 'stop', {}, 'keep'],
    ['moved stopped, clean', moved(false), 'clean', {}, 'remove'],
    ['moved running, clean', moved(true), 'clean', {}, 'keep'],
    ['unknown running, clean', unknown(true), 'clean', {}, 'keep'],
    ['unknown running, clean --remove-orphans', unknown(true), 'clean', {removeOrphans: true}, 'remove'],
    ['moved running, restart', moved(true), 'restart', {converge: true, removeOrphans: true}, 'keep'],
    ['unknown, status', unknown(true), 'status', {removeOrphans: true}, 'keep'],
  ]
  for (const [situation, o, command, flags, action] of rows) {
    it(`${situation}: ${action}`, () => expect(decideOrphan(o, command, flags).action).to.equal(action))
  }

  it('says why, naming the flag that would act', () => {
    expect(decideOrphan(unknown(true), 'start').reason).to.equal('not in the file (service db): left running (--remove-orphans removes it)')
    expect(decideOrphan(moved(true), 'start').reason).to.equal('moved to c: left running (--converge removes it)')
  })
})
