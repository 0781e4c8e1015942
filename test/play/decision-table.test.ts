import {expect} from 'chai'
import {planPlay} from '../../src/play/plan-play.js'
import type {PlayOptions} from '../../src/play/types.js'
import type {Environment} from '../../src/model/types.js'
import {reset, rig, shop, type Rig} from './setup.js'
import {CACHE, createdOnly, drifted, moved, started, stopped} from './situations.js'

/** What the recording fake saw done to one container on its ship, as a plan action. */
function executed(r: Rig, ship: string, name: string): string {
  const calls = r.fleet.get(ship).calls
  const did = (call: string) => calls.includes(`${call} ${name}`)
  if (did('createContainer')) return did('removeContainer') ? 'recreate' : 'create'
  if (did('startContainer')) return 'start'
  return did('removeContainer') || did('stopContainer') ? 'changed' : 'nothing'
}

const pulled = (r: Rig, ship: string, image: string) => r.fleet.get(ship).calls.includes(`pullImage ${image}`)

interface Row {
  readonly situation: string
  /** The state before: what a first start left, then changes to the fleet or to the file. */
  readonly before: (r: Rig) => Promise<void>
  readonly options: PlayOptions
  readonly planned: string
  readonly pull?: boolean
  /** The old copy of a moved instance: what plan says start does to it, and whether it is still there after. */
  readonly oldCopy?: {readonly action: string; readonly kept: boolean}
}


const ROWS: readonly Row[] = [
  {situation: 'absent', before: async () => undefined, options: {}, planned: 'create'},
  {situation: 'absent, -r', before: async () => undefined, options: {refreshImages: true}, planned: 'create', pull: true},
  {situation: 'stopped', before: stopped, options: {}, planned: 'recreate'},
  {situation: 'stopped, --reuse', before: stopped, options: {reuse: true}, planned: 'start'},
  {situation: 'stopped, -r', before: stopped, options: {refreshImages: true}, planned: 'recreate', pull: true},
  {situation: 'created, never started', before: createdOnly, options: {}, planned: 'recreate'},
  {situation: 'created, never started, --reuse (it may be half made)', before: createdOnly, options: {reuse: true}, planned: 'recreate'},
  {situation: 'running up to date', before: started, options: {}, planned: 'nothing'},
  {situation: 'running up to date, --converge', before: started, options: {converge: true}, planned: 'nothing'},
  {situation: 'running up to date, -r', before: started, options: {refreshImages: true}, planned: 'nothing', pull: false},
  {situation: 'drifted', before: drifted, options: {}, planned: 'nothing'},
  {situation: 'drifted, --converge', before: drifted, options: {converge: true}, planned: 'recreate'},
  {situation: 'drifted, --converge -r', before: drifted, options: {converge: true, refreshImages: true}, planned: 'recreate', pull: true},
  {situation: 'drifted and stopped, --reuse', before: async (r) => {
    await stopped(r)
    r.env = shop({cache: {image: 'redis:8', instances: {'cache-1': {ship: 'b'}}}})
    r.fleet.get('b').addImage('redis:8')
  }, options: {reuse: true}, planned: 'start'},
  {situation: 'moved to another ship', before: moved, options: {}, planned: 'create', oldCopy: {action: 'keep', kept: true}},
  {situation: 'moved to another ship, --converge', before: moved, options: {converge: true}, planned: 'create', oldCopy: {action: 'remove', kept: false}},
]

describe('one decision: plan shows what start with the same flags does', () => {
  for (const row of ROWS) {
    it(`${row.situation}: plan says ${row.planned}, start does it`, async () => {
      const r = await rig()
      await row.before(r)
      const env: Environment = r.env
      const ship = env.containers['cache-1'].ship
      reset(r)
      const plan = await planPlay(r.kernel, env, {containers: CACHE, options: {converge: false, ...row.options}})
      const [step] = plan.steps
      expect(step.action, step.reason).to.equal(row.planned)
      expect(r.fleet.allCalls().filter((c) => !/listContainers|inspectContainer/.test(c)), 'plan changes nothing').to.deep.equal([])

      reset(r)
      const result = await r.play('start', {containers: CACHE, options: row.options})
      expect(result.exitCode).to.equal(0)
      expect(executed(r, ship, 'cache-1'), step.reason).to.equal(row.planned)
      expect(result.outcomes.get('cache-1')?.data?.action).to.equal(row.planned)
      if (row.oldCopy) {
        expect(plan.orphans.map((o) => [o.container, o.ship, o.action])).to.deep.equal([['cache-1', 'b', row.oldCopy.action]])
        expect(r.fleet.get('b').containers.has('cache-1'), 'old copy still there').to.equal(row.oldCopy.kept)
        expect(result.orphans.map((o) => [o.container, o.action, o.done])).to.deep.equal([['cache-1', row.oldCopy.action, !row.oldCopy.kept]])
      }
      if (row.pull !== undefined) {
        expect(step.pull === true).to.equal(row.pull)
        expect(pulled(r, ship, env.containers['cache-1'].image)).to.equal(row.pull)
      }
    })
  }
})
