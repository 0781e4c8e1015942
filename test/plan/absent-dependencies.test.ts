import {expect} from 'chai'
import {absentDependencies, absentDependencyWarning, unselectedDependencies} from '../../src/plan/absent-dependencies.js'
import type {ObservedContainer} from '../../src/plan/observed.js'
import {envFrom} from '../helpers/model-env.js'

const env = envFrom(`name: shop
ships: {a: {ip: 10.0.0.1}, b: {ip: 10.0.0.2}}
services:
  db: {image: pg, instances: {db-1: {ship: a}}}
  cache: {image: redis, instances: {cache-1: {ship: b}}}
  app: {image: app, requires: [db, cache], instances: {app-1: {ship: a}, app-2: {ship: b}}}
  web: {image: web, requires: [app], instances: {web-1: {ship: a}}}
`)
const seen = (name: string, ship: string, running: boolean): [string, ObservedContainer] =>
  [name, {id: name, name, ship, running, state: running ? 'running' : 'exited', status: '', image: '', imageId: '', created: 0, labels: {}}]

describe('absent dependencies', () => {
  it('lists the dependencies outside the selection, transitively, in file order', () => {
    expect(unselectedDependencies(env, ['web-1'])).to.deep.equal(['db-1', 'cache-1', 'app-1', 'app-2'])
    expect(unselectedDependencies(env, ['web-1', 'app-1', 'app-2', 'db-1', 'cache-1'])).to.deep.equal([])
  })
  it('names each stopped or absent one once, with the first selected container needing it', () => {
    const observed = new Map([seen('db-1', 'a', false), seen('app-1', 'a', true), seen('app-2', 'b', true)])
    const absent = absentDependencies(env, ['app-1', 'app-2', 'web-1'], observed, new Set(['a', 'b']))
    expect(absent).to.deep.equal([
      {container: 'app-1', dependency: 'db-1', state: 'not running'},
      {container: 'app-1', dependency: 'cache-1', state: 'not created'},
    ])
    expect(absentDependencyWarning(absent[0]!, 'start')).to.equal('warning: app-1 depends on db-1, which is not running; add -d to start it too')
  })
  it('says nothing of a dependency on a ship that was not listed, or of running ones', () => {
    const observed = new Map([seen('db-1', 'a', true)])
    expect(absentDependencies(env, ['app-1'], observed, new Set(['a']))).to.deep.equal([])
  })
})
