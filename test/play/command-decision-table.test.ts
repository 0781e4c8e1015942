import {expect} from 'chai'
import {planPlay} from '../../src/play/plan-play.js'
import type {PlayOptions, PlayResult} from '../../src/play/types.js'
import type {PlannedCommand} from '../../src/plan/decide-command.js'
import {selectContainers} from '../../src/graph/select.js'
import {ALL, reset, rig, shop, type Rig} from './setup.js'
import {CACHE, createdOnly, drifted, moved, started, stopped} from './situations.js'

/** What the recording fake saw done to one container on its ship, as a plan action. */
function executed(r: Rig, ship: string, name: string): string {
  const calls = r.fleet.get(ship).calls
  const did = (call: string) => calls.includes(`${call} ${name}`)
  if (did('createContainer')) return did('removeContainer') ? 'recreate' : 'create'
  if (did('removeContainer')) return 'remove'
  if (did('startContainer')) return did('stopContainer') ? 'restart' : 'start'
  if (did('killContainer')) return 'kill'
  return did('stopContainer') ? 'stop' : 'nothing'
}

/** The play (or plays) the command runs: `down` is a stop then a clean of the same containers (src/commands/down.ts). */
async function execute(r: Rig, command: PlannedCommand, containers: readonly string[], options: PlayOptions): Promise<PlayResult[]> {
  if (command !== 'down') return [await r.play(command, {containers, options})]
  return [await r.play('stop', {containers}), await r.play('clean', {containers})]
}

interface Row {
  readonly command: PlannedCommand
  readonly situation: string
  /** The state before: what a first start left, then changes to the fleet or to the file. */
  readonly before: (r: Rig) => Promise<void>
  readonly options?: PlayOptions
  /** The action planned for cache-1, or for each container of `-a`. */
  readonly planned: string | Readonly<Record<string, string>>
  /** `-a`: every container the command selects with no things. */
  readonly all?: boolean
  /** The orphan on ship b (old copy of a moved cache-1, or a removed service's old-1): its action and whether it is still there after. */
  readonly orphan?: {readonly name: string; readonly action: string; readonly kept: boolean}
}

const movedStopped = async (r: Rig) => {
  await stopped(r)
  r.env = shop({cache: {instances: {'cache-1': {ship: 'a'}}}})
}
/** old-1 of a service since removed from the file, running on ship b. */
const orphaned = async (r: Rig) => {
  r.env = shop({old: {image: 'redis:7', instances: {'old-1': {ship: 'b'}}}})
  await r.play('start', {containers: ['old-1', 'cache-1']})
  r.env = shop()
}
/** The whole shop in mixed states: db-1 and app-1 running, app-2 stopped, web-1 absent, cache-1 created only. */
const mixed = async (r: Rig) => {
  await r.play('start', {containers: ['db-1', 'app-1', 'app-2', 'cache-1']})
  await r.play('stop', {containers: ['app-2']})
  Object.assign(r.fleet.get('b').containers.get('cache-1')!, {running: false, status: 'created', startedSeq: undefined})
}

const ROWS: readonly Row[] = [
  {command: 'start', situation: 'absent', before: async () => undefined, planned: 'create'},
  {command: 'start', situation: 'a removed service', before: orphaned, planned: 'nothing', orphan: {name: 'old-1', action: 'keep', kept: true}},
  {command: 'start', situation: 'a removed service, --remove-orphans', before: orphaned, options: {removeOrphans: true}, planned: 'nothing', orphan: {name: 'old-1', action: 'remove', kept: false}},
  {command: 'start', situation: 'mixed, -a', before: mixed, all: true, planned: {'db-1': 'nothing', 'app-1': 'nothing', 'app-2': 'recreate', 'web-1': 'create', 'cache-1': 'recreate'}},
  {command: 'start', situation: 'mixed, -a --reuse', before: mixed, all: true, options: {reuse: true}, planned: {'db-1': 'nothing', 'app-1': 'nothing', 'app-2': 'start', 'web-1': 'create', 'cache-1': 'recreate'}},

  {command: 'stop', situation: 'absent', before: async () => undefined, planned: 'nothing'},
  {command: 'stop', situation: 'stopped', before: stopped, planned: 'nothing'},
  {command: 'stop', situation: 'running up to date', before: started, planned: 'stop'},
  {command: 'stop', situation: 'drifted', before: drifted, planned: 'stop'},
  {command: 'stop', situation: 'created, never started', before: createdOnly, planned: 'nothing'},
  {command: 'stop', situation: 'moved to another ship', before: moved, planned: 'nothing', orphan: {name: 'cache-1', action: 'stop', kept: true}},
  {command: 'stop', situation: 'a removed service', before: orphaned, planned: 'stop', orphan: {name: 'old-1', action: 'keep', kept: true}},
  {command: 'stop', situation: 'mixed, -a', before: mixed, all: true, planned: {'db-1': 'stop', 'app-1': 'stop', 'app-2': 'nothing', 'web-1': 'nothing', 'cache-1': 'nothing'}},

  {command: 'kill', situation: 'absent', before: async () => undefined, planned: 'nothing'},
  {command: 'kill', situation: 'stopped', before: stopped, planned: 'nothing'},
  {command: 'kill', situation: 'running up to date', before: started, planned: 'kill'},
  {command: 'kill', situation: 'created, never started', before: createdOnly, planned: 'nothing'},
  {command: 'kill', situation: 'moved to another ship', before: moved, planned: 'nothing', orphan: {name: 'cache-1', action: 'kill', kept: true}},
  {command: 'kill', situation: 'mixed, -a', before: mixed, all: true, planned: {'db-1': 'kill', 'app-1': 'kill', 'app-2': 'nothing', 'web-1': 'nothing', 'cache-1': 'nothing'}},

  {command: 'restart', situation: 'absent', before: async () => undefined, planned: 'create'},
  {command: 'restart', situation: 'stopped', before: stopped, planned: 'recreate'},
  {command: 'restart', situation: 'stopped, --reuse', before: stopped, options: {reuse: true}, planned: 'start'},
  {command: 'restart', situation: 'running up to date', before: started, planned: 'recreate'},
  {command: 'restart', situation: 'running up to date, --reuse', before: started, options: {reuse: true}, planned: 'restart'},
  {command: 'restart', situation: 'running up to date, -r', before: started, options: {refreshImages: true}, planned: 'recreate'},
  {command: 'restart', situation: 'running up to date, --only-if-changed', before: started, options: {onlyIfChanged: true}, planned: 'nothing'},
  {command: 'restart', situation: 'running, --only-if-changed -r (the pull brings a new image)', before: started, options: {onlyIfChanged: true, refreshImages: true}, planned: 'recreate'},
  {command: 'restart', situation: 'drifted', before: drifted, planned: 'recreate'},
  {command: 'restart', situation: 'drifted, --only-if-changed (its image is not the configured one)', before: drifted, options: {onlyIfChanged: true}, planned: 'recreate'},
  {command: 'restart', situation: 'created, never started', before: createdOnly, planned: 'recreate'},
  {command: 'restart', situation: 'created, never started, --reuse (it may be half made)', before: createdOnly, options: {reuse: true}, planned: 'recreate'},
  {command: 'restart', situation: 'moved to another ship', before: moved, planned: 'create', orphan: {name: 'cache-1', action: 'keep', kept: true}},
  {command: 'restart', situation: 'mixed, -a', before: mixed, all: true, planned: {'db-1': 'recreate', 'app-1': 'recreate', 'app-2': 'recreate', 'web-1': 'create', 'cache-1': 'recreate'}},

  {command: 'clean', situation: 'absent', before: async () => undefined, planned: 'nothing'},
  {command: 'clean', situation: 'stopped', before: stopped, planned: 'remove'},
  {command: 'clean', situation: 'running up to date', before: started, planned: 'nothing'},
  {command: 'clean', situation: 'created, never started', before: createdOnly, planned: 'remove'},
  {command: 'clean', situation: 'moved to another ship, old copy running', before: moved, planned: 'nothing', orphan: {name: 'cache-1', action: 'keep', kept: true}},
  {command: 'clean', situation: 'moved to another ship, old copy stopped', before: movedStopped, planned: 'nothing', orphan: {name: 'cache-1', action: 'remove', kept: false}},
  {command: 'clean', situation: 'a removed service', before: orphaned, planned: 'nothing', orphan: {name: 'old-1', action: 'keep', kept: true}},
  {command: 'clean', situation: 'a removed service, --remove-orphans', before: orphaned, options: {removeOrphans: true}, planned: 'nothing', orphan: {name: 'old-1', action: 'remove', kept: false}},
  {command: 'clean', situation: 'mixed, -a', before: mixed, all: true, planned: {'db-1': 'nothing', 'app-1': 'nothing', 'app-2': 'remove', 'web-1': 'nothing', 'cache-1': 'remove'}},

  {command: 'down', situation: 'absent', before: async () => undefined, planned: 'nothing'},
  {command: 'down', situation: 'stopped', before: stopped, planned: 'remove'},
  {command: 'down', situation: 'running up to date', before: started, planned: 'remove'},
  {command: 'down', situation: 'created, never started', before: createdOnly, planned: 'remove'},
  {command: 'down', situation: 'moved to another ship', before: moved, planned: 'nothing', orphan: {name: 'cache-1', action: 'remove', kept: false}},
  {command: 'down', situation: 'a removed service', before: orphaned, planned: 'remove', orphan: {name: 'old-1', action: 'keep', kept: true}},
  {command: 'down', situation: 'mixed, -a', before: mixed, all: true, planned: {'db-1': 'remove', 'app-1': 'remove', 'app-2': 'remove', 'web-1': 'nothing', 'cache-1': 'remove'}},
]

/** The containers of a row: cache-1, or what the command selects with -a (down: with no things). */
function selection(r: Rig, row: Row): string[] {
  if (!row.all) return CACHE
  const command = row.command === 'down' ? 'stop' : row.command
  return selectContainers(r.env, [], {command, all: true})
}

describe('one decision: plan --for COMMAND shows what that command with the same flags does', () => {
  for (const row of ROWS) {
    const planned = typeof row.planned === 'string' ? row.planned : Object.entries(row.planned).map(([n, a]) => `${n} ${a}`).join(', ')
    it(`${row.command}, ${row.situation}: plan says ${planned}${row.orphan ? `, ${row.orphan.action} ${row.orphan.name} on b` : ''}, ${row.command} does it`, async () => {
      const r = await rig()
      await row.before(r)
      const env = r.env
      const containers = selection(r, row)
      if (row.all) expect(containers).to.deep.equal(ALL)
      const expected = typeof row.planned === 'string' ? {'cache-1': row.planned} : row.planned
      const options = row.options ?? {}
      reset(r)
      const plan = await planPlay(r.kernel, env, {command: row.command, containers, options: row.command === 'start' ? {converge: false, ...options} : options})
      expect(Object.fromEntries(plan.steps.map((s) => [s.container, s.action])), plan.steps.map((s) => `${s.container}: ${s.reason}`).join('; ')).to.deep.equal(expected)
      expect(r.fleet.allCalls().filter((c) => !/listContainers|inspectContainer|inspectImage/.test(c)), 'plan changes nothing').to.deep.equal([])

      reset(r)
      const results = await execute(r, row.command, containers, options)
      for (const result of results) expect(result.exitCode, result.error?.message).to.equal(0)
      for (const name of containers) {
        const step = plan.steps.find((s) => s.container === name)!
        expect(executed(r, env.containers[name].ship, name), `${name}: ${step.reason}`).to.equal(step.action)
        expect(results.map((x) => x.outcomes.get(name)?.data?.action), `${name} recipes' decisions`).to.include(step.action)
      }
      if (!row.orphan) expect(plan.orphans).to.deep.equal([])
      else {
        expect(plan.orphans.map((o) => [o.container, o.ship, o.action])).to.deep.equal([[row.orphan.name, 'b', row.orphan.action]])
        expect(r.fleet.get('b').containers.has(row.orphan.name), `${row.orphan.name} still on b`).to.equal(row.orphan.kept)
        const acted = results.flatMap((x) => x.orphans).filter((o) => o.container === row.orphan!.name && o.action !== 'keep')
        // down: its stop play stops the old copy, then its clean play removes it
        const done = row.orphan.action === 'keep' ? [] : row.command === 'down' ? ['stop', 'remove'] : [row.orphan.action]
        expect(acted.map((o) => [o.action, o.done])).to.deep.equal(done.map((a) => [a, true]))
        if (row.orphan.action === 'stop' || row.orphan.action === 'kill') expect(r.fleet.get('b').containers.get(row.orphan.name)!.running).to.equal(false)
      }
    })
  }
})
