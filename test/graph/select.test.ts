import {expect} from 'chai'
import {directionFor, selectContainers, type SelectOptions} from '../../src/graph/select.js'
import {SELECTION_ENV as env} from '../helpers/graph-env.js'
import {thrownMaestroError} from '../helpers/errors.js'

const select = (things: string[], options: SelectOptions) => selectContainers(env, things, options)
const failure = (things: string[], options: SelectOptions) => thrownMaestroError(() => select(things, options))

describe('selectContainers', () => {
  it('expands service names for start and keeps only the named things without -d', () => {
    expect(select(['kafka'], {command: 'start'})).to.deep.equal(['kafka-1', 'kafka-2'])
  })

  it('returns containers in environment order, not argument order', () => {
    expect(select(['web-1', 'zk-1'], {command: 'status'})).to.deep.equal(['zk-1', 'web-1'])
  })

  it('with -d adds every container of the transitive dependency services, not sibling instances', () => {
    expect(select(['kafka-1'], {command: 'start', withDependencies: true})).to.deep.equal(['zk-1', 'zk-2', 'kafka-1'])
    expect(select(['web'], {command: 'pull', withDependencies: true})).to.deep.equal(['zk-1', 'zk-2', 'kafka-1', 'kafka-2', 'web-1', 'data-1', 'cfg-1'])
  })

  it('with -d adds dependents for stop, kill and restart (requires only, not volumes_from)', () => {
    expect(select(['zk-1'], {command: 'stop', withDependencies: true})).to.deep.equal(['zk-1', 'kafka-1', 'kafka-2', 'web-1'])
    expect(select(['data-1'], {command: 'kill', withDependencies: true})).to.deep.equal(['data-1'])
    expect(directionFor('restart').name).to.equal('reverse')
    expect(directionFor('clean').name).to.equal('forward')
  })

  it('treats no things as every non-omitted service, with dependencies forced on', () => {
    expect(select([], {command: 'start'})).to.deep.equal(['zk-1', 'zk-2', 'kafka-1', 'kafka-2', 'web-1', 'data-1', 'cfg-1'])
  })

  it('does not force dependencies with -i, so omitted dependencies stay out', () => {
    expect(select([], {command: 'start', ignoreDependencies: true})).to.deep.equal(['zk-1', 'zk-2', 'kafka-1', 'kafka-2', 'web-1', 'data-1'])
  })

  it('includes omitted services for status', () => {
    expect(select([], {command: 'status', ignoreDependencies: true})).to.include.members(['cfg-1', 'tools-1'])
  })

  it('always gathers dependencies for dump', () => {
    expect(select(['kafka'], {command: 'dump'})).to.deep.equal(['zk-1', 'zk-2', 'kafka-1', 'kafka-2'])
  })

  it('refuses a service name for stop, kill and restart without -s or -a', () => {
    for (const command of ['stop', 'kill', 'restart'] as const) {
      const e = failure(['zk'], {command})
      expect([e.code, e.message]).to.deep.equal(['MAESTRO_USAGE', `zk is a service: ${command} of a service needs -s (--expand-services), or name its containers (zk-1, zk-2)`])
    }
    expect(select(['zk'], {command: 'stop', expandServices: true})).to.deep.equal(['zk-1', 'zk-2'])
    expect(select(['zk'], {command: 'restart', all: true})).to.deep.equal(['zk-1', 'zk-2'])
  })

  it('refuses no things for stop without --all, and takes every non-omitted service with it', () => {
    const e = failure([], {command: 'stop'})
    expect([e.code, e.message, e.exit]).to.deep.equal(['MAESTRO_USAGE', 'stop needs the containers to act on (services with -s), or -a for everything', 2])
    expect(failure([], {command: 'kill'}).message).to.equal('kill needs the containers to act on (services with -s), or -a for everything')
    expect(select([], {command: 'stop', all: true})).to.deep.equal(['zk-1', 'zk-2', 'kafka-1', 'kafka-2', 'web-1', 'data-1'])
  })

  it('rejects unknown names with a suggestion', () => {
    const e = failure(['kafka-3'], {command: 'start'})
    expect([e.code, e.message]).to.deep.equal(['MAESTRO_UNKNOWN_THING', 'kafka-3 is neither a service nor a container! (did you mean kafka-1?)'])
    expect(failure(['zzzzzz'], {command: 'status'}).message).to.equal('zzzzzz is neither a service nor a container!')
  })

  it('applies -C and -S globs, also when dependencies are gathered (documented divergence)', () => {
    expect(select([], {command: 'status', containerFilter: '*-1'})).to.deep.equal(['zk-1', 'kafka-1', 'web-1', 'data-1', 'cfg-1', 'tools-1'])
    expect(select(['kafka'], {command: 'start', withDependencies: true, shipFilter: 's2'})).to.deep.equal(['zk-2', 'kafka-2'])
    expect(select(['zk', 'kafka'], {command: 'start', shipFilter: 's[!2]', containerFilter: 'k*'})).to.deep.equal(['kafka-1'])
  })
})
