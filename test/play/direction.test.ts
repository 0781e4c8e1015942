import {expect} from 'chai'
import {scheduleNodes} from '../../src/play/direction.js'
import {COMMANDS} from '../../src/command-table.js'
import {environment, ship} from '../helpers/env-builder.js'

const env = environment('d', [ship('a', '10.0.0.1')], {
  data: {instances: {'data-1': {ship: 'a'}}},
  db: {requires: [], instances: {'db-1': {ship: 'a', volumesFrom: ['data-1']}}},
  app: {requires: ['db'], instances: {'app-1': {ship: 'a'}}},
  web: {requires: ['app'], instances: {'web-1': {ship: 'a'}}},
})
const all = ['data-1', 'db-1', 'app-1', 'web-1']
const after = (nodes: ReturnType<typeof scheduleNodes>) => Object.fromEntries(nodes.map((n) => [n.id, n.after]))

describe('scheduleNodes', () => {
  it('orders forward by requires and volumes_from, transitively', () => {
    expect(after(scheduleNodes(env, all, 'forward', false))).to.deep.equal({'data-1': [], 'db-1': ['data-1'], 'app-1': ['data-1', 'db-1'], 'web-1': ['data-1', 'db-1', 'app-1']})
  })

  it('orders reverse by requires only (dependents first)', () => {
    expect(after(scheduleNodes(env, all, 'reverse', false))).to.deep.equal({'data-1': [], 'db-1': ['app-1', 'web-1'], 'app-1': ['web-1'], 'web-1': []})
  })

  it('keeps transitive order through a dependency outside the play', () => {
    expect(after(scheduleNodes(env, ['db-1', 'web-1'], 'forward', false))).to.deep.equal({'db-1': [], 'web-1': ['db-1']})
  })

  it('has no order with -i or for status', () => {
    expect(after(scheduleNodes(env, all, 'forward', true))['web-1']).to.deep.equal([])
    expect(COMMANDS.status.order).to.equal('none')
  })

  it('restarts dependencies first (MaestroNG #186 fixed) and stops dependents first', () => {
    expect((['restart', 'start', 'clean', 'pull', 'stop', 'kill'] as const).map((c) => COMMANDS[c].order)).to.deep.equal(['forward', 'forward', 'forward', 'forward', 'reverse', 'reverse'])
  })
})
