import {expect} from 'chai'
import {buildServiceGraph, closure, containerDependencies, containerDependents, createGraph, FORWARD, REVERSE, serviceDependencies} from '../../src/graph/graph.js'
import {findCycle, findCycles} from '../../src/graph/cycles.js'
import {SELECTION_ENV as env} from '../helpers/graph-env.js'

describe('buildServiceGraph', () => {
  const graph = buildServiceGraph(env)

  it('has requires and volumes_from edges forward, requires only in reverse', () => {
    expect(graph.nodes).to.deep.equal(['zk', 'kafka', 'web', 'data', 'cfg', 'tools'])
    expect(graph.dependencies('web')).to.deep.equal(['kafka', 'cfg', 'data'])
    expect(graph.dependents('zk')).to.deep.equal(['kafka'])
    expect(graph.dependents('data')).to.deep.equal([])
    expect(graph.edges.filter((e) => e.kind === 'volumes_from')).to.deep.equal([{from: 'web', to: 'data', kind: 'volumes_from'}])
  })

  it('walks transitively in either direction', () => {
    expect([...closure(graph, ['web'], FORWARD)].sort()).to.deep.equal(['cfg', 'data', 'kafka', 'web', 'zk'])
    expect(serviceDependencies(graph, 'web')).to.deep.equal(['zk', 'kafka', 'data', 'cfg'])
    expect(serviceDependencies(graph, 'zk', REVERSE)).to.deep.equal(['kafka', 'web'])
    expect(serviceDependencies(graph, 'tools')).to.deep.equal([])
  })

  it('gives container-level dependencies and dependents in list order', () => {
    expect(containerDependencies(env, 'web-1')).to.deep.equal(['zk-1', 'zk-2', 'kafka-1', 'kafka-2', 'data-1', 'cfg-1'])
    expect(containerDependents(env, 'zk-2')).to.deep.equal(['kafka-1', 'kafka-2', 'web-1'])
    expect(containerDependents(env, 'data-1')).to.deep.equal([])
    expect(containerDependencies(env, 'nope')).to.deep.equal([])
  })
})

describe('findCycle', () => {
  const requires = (from: string, to: string) => ({from, to, kind: 'requires' as const})

  it('reports the cycle path a -> b -> c -> a in full', () => {
    const g = createGraph(['a', 'b', 'c', 'd'], [requires('a', 'b'), requires('b', 'c'), requires('c', 'a'), requires('d', 'a')])
    expect(findCycle(g)).to.deep.equal(['a', 'b', 'c', 'a'])
  })

  it('reports a self-cycle', () => {
    expect(findCycle(createGraph(['a'], [requires('a', 'a')]))).to.deep.equal(['a', 'a'])
  })

  it('follows volumes_from edges', () => {
    const g = createGraph(['a', 'b'], [requires('a', 'b'), {from: 'b', to: 'a', kind: 'volumes_from'}])
    expect(findCycle(g)).to.deep.equal(['a', 'b', 'a'])
  })

  it('finds nothing in a DAG and reports separate cycles once each', () => {
    expect(findCycle(buildServiceGraph(env))).to.equal(undefined)
    const g = createGraph(['a', 'b', 'c', 'd'], [requires('a', 'b'), requires('b', 'a'), requires('c', 'd'), requires('d', 'c')])
    expect(findCycles(g)).to.deep.equal([['a', 'b', 'a'], ['c', 'd', 'c']])
  })
})
