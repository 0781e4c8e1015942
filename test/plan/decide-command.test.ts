import {expect} from 'chai'
import {DRIFT_UNREAD, decideCommand, decideOrphanFor} from '../../src/plan/decide-command.js'
import {decide} from '../../src/plan/decide.js'
import type {Orphan} from '../../src/plan/orphans.js'

const same = {known: true, changes: []}
const running = {running: true, state: 'running'}
const exited = {running: false, state: 'exited'}

describe('decideCommand: the one decision of every command that changes containers', () => {
  it('start is decide()', () => {
    for (const seen of [undefined, running, exited, {running: false, state: 'created'}]) {
      for (const flags of [{}, {reuse: true}, {converge: true, refreshImages: true}]) expect(decideCommand('start', seen, same, flags)).to.deep.equal(decide(seen, same, flags))
    }
  })

  it('stop and kill act on running containers only; clean removes stopped ones only; down removes both', () => {
    expect(decideCommand('stop', running, DRIFT_UNREAD)).to.deep.equal({action: 'stop', reason: 'running: stopped', pull: false})
    expect(decideCommand('kill', running, DRIFT_UNREAD).action).to.equal('kill')
    expect(decideCommand('stop', exited, DRIFT_UNREAD)).to.deep.equal({action: 'nothing', reason: 'exited: not running', pull: false})
    expect(decideCommand('clean', running, DRIFT_UNREAD)).to.deep.equal({action: 'nothing', reason: 'running: skipped (stop it first)', pull: false})
    expect(decideCommand('clean', exited, DRIFT_UNREAD).action).to.equal('remove')
    expect(decideCommand('down', running, DRIFT_UNREAD)).to.deep.equal({action: 'remove', reason: 'running: stopped, then removed with its anonymous volumes', pull: false})
    for (const c of ['stop', 'kill', 'clean', 'down'] as const) expect(decideCommand(c, undefined, DRIFT_UNREAD)).to.deep.equal({action: 'nothing', reason: 'absent', pull: false})
  })

  it('restart stops a running container, then decides as start does on it stopped; -r always pulls', () => {
    expect(decideCommand('restart', running, same)).to.deep.equal({action: 'recreate', reason: 'running: stopped, removed and created again', pull: false})
    expect(decideCommand('restart', running, same, {reuse: true}).action).to.equal('restart')
    expect(decideCommand('restart', exited, same, {reuse: true})).to.deep.equal({...decide(exited, same, {reuse: true}), pull: false})
    expect(decideCommand('restart', {running: false, state: 'created'}, same, {reuse: true}).action).to.equal('recreate')
    expect(decideCommand('restart', undefined, same, {refreshImages: true})).to.deep.equal({action: 'create', reason: 'absent', pull: true})
  })

  it('restart --only-if-changed leaves a container on the configured image alone, and says when that is known only after the pull', () => {
    expect(decideCommand('restart', {...running, imageCurrent: true}, same, {onlyIfChanged: true}).action).to.equal('nothing')
    expect(decideCommand('restart', {...running, imageCurrent: false}, same, {onlyIfChanged: true}).action).to.equal('recreate')
    const unknown = decideCommand('restart', running, same, {onlyIfChanged: true, refreshImages: true})
    expect(unknown.action).to.equal('recreate')
    expect(unknown.reason).to.contain('-r pulls first: nothing if the pulled image is the one it runs')
  })

  it('down stops the old copy of a moved instance, then removes it; a removed service is kept', () => {
    const container = {id: 'x', name: 'db-1', ship: 'b', running: true, state: 'running', status: 'Up', image: 'i', imageId: 'i', created: 0, labels: {}}
    const moved: Orphan = {kind: 'moved', container, movedTo: 'a'}
    expect(decideOrphanFor(moved, 'down')).to.deep.equal({action: 'remove', reason: 'moved to a: the old copy is stopped and removed too'})
    expect(decideOrphanFor({kind: 'unknown', container}, 'down').action).to.equal('keep')
    expect(decideOrphanFor(moved, 'stop').action).to.equal('stop')
  })
})
