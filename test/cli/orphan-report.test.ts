import {expect} from 'chai'
import {actedLines, keptWarning, orphanTable, reportOrphans} from '../../src/cli/orphan-report.js'
import type {OrphanOutcome} from '../../src/plan/decide-orphan.js'

const moved: OrphanOutcome = {container: 'db-1', ship: 'a', kind: 'moved', movedTo: 'c', service: 'db', state: 'running', status: 'Up 3 minutes', id: 'x1', action: 'keep', reason: '', done: false}
const unknown: OrphanOutcome = {container: 'cache-1', ship: 'b', kind: 'unknown', service: 'cache', state: 'exited', status: 'Exited (0) 2 hours ago', id: 'x2', action: 'keep', reason: '', done: false}

describe('orphan report', () => {
  it('status: one aligned row per orphan under a heading, with ship, state and age', () => {
    expect(orphanTable([unknown, moved])).to.deep.equal([
      'orphans (containers of this environment the file does not place there):',
      '  cache-1  b  exited for 2h   not in the file (service cache)',
      '  db-1     a  running for 3m  moved to c',
    ])
    expect(orphanTable([])).to.deep.equal([])
  })

  it('start: one warning naming every kept orphan and the flag that acts on each kind', () => {
    expect(keptWarning([unknown, moved])).to.equal(
      'warning: found orphan containers: cache-1 on b (not in the file (service cache)), db-1 on a (moved to c); --remove-orphans removes the containers not in the file, --converge removes the old copies of moved instances')
    expect(keptWarning([{...moved, action: 'remove', done: true}])).to.equal(undefined)
  })

  it('says what was done to each orphan acted on, and warns once per play', () => {
    expect(actedLines([{...moved, action: 'remove', done: true}, unknown])).to.deep.equal(['orphan db-1 on a (moved to c): removed'])
    const out: string[] = []
    const err: string[] = []
    const io = {out: {write: (t: string) => out.push(t)}, err: {write: (t: string) => err.push(t)}}
    reportOrphans('start', {orphans: [unknown, moved], unseen: ['z']}, io)
    expect(out).to.deep.equal([])
    expect(err).to.have.length(2)
    expect(err[1]).to.equal('warning: ship z could not be listed: its orphans are not known\n')
    reportOrphans('stop', {orphans: [unknown], unseen: []}, io)
    expect(err).to.have.length(2)
  })
})
