import {expect} from 'chai'
import {envFrom, instanceYaml, issuesOf} from '../helpers/model-env.js'

const errors = (keys: string, service: string) => issuesOf(instanceYaml(keys, service))

describe('update: block (model)', () => {
  it('reads every key, durations in milliseconds', () => {
    const env = envFrom(instanceYaml('', 'update: {parallelism: 2, delay: 1m30s, order: start-first, monitor: 500ms, failure_action: continue, max_failure_ratio: 0.5}'))
    const {loc, ...update} = env.services.web.update!
    expect(update).to.deep.equal({parallelism: 2, delayMs: 90000, order: 'start-first', monitorMs: 500, failureAction: 'continue', maxFailureRatio: 0.5})
    expect(loc?.line).to.equal(9)
  })

  it('defaults as Swarm: parallelism 1, stop-first, pause; absent block: undefined', () => {
    const {loc: _, ...update} = envFrom(instanceYaml('', 'update: {}')).services.web.update!
    expect(update).to.deep.equal({parallelism: 1, delayMs: 0, order: 'stop-first', monitorMs: 0, failureAction: 'pause', maxFailureRatio: 0})
    expect(envFrom(instanceYaml('')).services.web.update).to.equal(undefined)
  })

  it('refuses start-first with a fixed host port, located at update.order', () => {
    expect(errors('ports: {http: 80}', 'update: {order: start-first}')).to.deep.equal([
      "env.yaml:9:21: services.web: update.order start-first: instance web-1 publishes port 'http' on fixed host port 80 of ship ship1: the old and new containers cannot both bind it (map it to a wider host range, e.g. '80:8080-8089', or use order: stop-first)",
    ])
  })

  it('accepts start-first with a host range wider than the container port, and stop-first with a fixed port', () => {
    expect(errors("ports: {http: '80:8080-8089'}", 'update: {order: start-first}')).to.deep.equal([])
    expect(errors('ports: {http: 80}', 'update: {order: stop-first}')).to.deep.equal([])
  })

  it('refuses start-first with net: host', () => {
    expect(errors('net: host', 'update: {order: start-first}')[0]).to.include('uses net: host')
  })

  it('accepts failure_action rollback', () => {
    expect(errors('', 'update: {failure_action: rollback}')).to.deep.equal([])
  })

  it('refuses bad values, each with its place', () => {
    expect(errors('', 'update: {failure_action: undo}')).to.deep.equal(['env.yaml:9:30: services.web: update.failure_action must be rollback or pause or continue, got "undo"'])
    expect(errors('', 'update: {order: blue-green}')[0]).to.include('update.order must be stop-first or start-first, got "blue-green"')
    expect(errors('', 'update: {delay: 10}')[0]).to.include('update.delay must be a duration such as 10s')
    expect(errors('', 'update: {max_failure_ratio: 2}')[0]).to.include('update.max_failure_ratio must be a number from 0 to 1, got 2')
    expect(errors('', 'update: {parallelism: -1}')[0]).to.include("'parallelism' must be an integer >= 0")
  })
})
