import {expect} from 'chai'
import {junitReporter} from '../../../plugins/reporter-junit/index.js'
import {MaestroError} from '../../../src/api/errors.js'
import {attached, emitConfigError, emitFailingPlay, K1, ZK, T0} from '../../helpers/reporter-events.js'
import {parseJunit, xmllintJunit, type Xml} from '../../helpers/junit-xml.js'
import {emitUpdate, PAUSE_HINT, REASON, W1} from '../../helpers/update-events.js'

type Case = Xml & {classname: string; name: string; time: string; failure?: Array<Xml & {message: string; type: string; '#text': string}>; skipped?: Xml & {message: string}}
type Suite = Xml & {name: string; tests: string; failures: string; errors: string; skipped: string; time: string; testcase: Case[]; properties: {property: Array<{name: string; value: string}>}}

async function report(emitAll: (emit: ReturnType<typeof attached>['emit']) => void): Promise<{xml: string; suites: Suite[]}> {
  const {out, reporter, emit} = attached(junitReporter)
  emitAll(emit)
  expect(out.text, 'nothing is written before done()').to.equal('')
  await reporter.done?.()
  const doc = parseJunit(out.text) as {testsuites: {testsuite: Suite[]}}
  return {xml: out.text, suites: doc.testsuites.testsuite}
}

describe('reporter junit', () => {
  it('validates against the Jenkins JUnit schema (xmllint)', async () => {
    const {xml} = await report((emit) => {
      emitConfigError(emit)
      emitFailingPlay(emit)
    })
    const lint = xmllintJunit(xml)
    expect(lint.output).to.equal('')
    expect(lint.ok).to.equal(true)
    const broken = xml.replace(/<testcase classname="kafka" name="start kafka-1"/, '<testcase classname="kafka"').replace('<properties>', '<bogus/><properties>')
    expect(xmllintJunit(broken).ok, 'the schema rejects a test case without a name').to.equal(false)
  })

  it('writes a test suite per play and a test case per container action, a failing container as a failure', async () => {
    const {suites} = await report(emitFailingPlay)
    expect(suites).to.have.length(1)
    const [suite] = suites
    expect(suite).to.deep.include({name: 'start shop', tests: '3', failures: '1', errors: '0', skipped: '1', time: '3.760', timestamp: new Date(T0).toISOString().slice(0, 19)})
    expect(suite.properties.property).to.deep.include({name: 'environment', value: 'shop'})
    expect(suite.testcase.map((c) => [c.classname, c.name, c.time])).to.deep.equal([
      ['zookeeper', `start ${ZK.name}`, '1.500'],
      ['kafka', `start ${K1.name}`, '2.250'],
      ['kafka', 'start kafka-2', '0.000'],
    ])
    expect(suite.testcase[0]).to.not.have.property('failure')
    expect(suite.testcase[0]['system-out']).to.equal('started')
    const failure = suite.testcase[1].failure![0]
    expect(failure.type).to.equal('MAESTRO_CHECK_FAILED')
    expect(failure.message).to.equal('kafka-1: running check tcp:client failed: connection refused')
    expect(failure['#text']).to.contain('hint: look at the logs')
    expect(suite.testcase[2].skipped).to.deep.equal({message: 'not attempted: kafka-1 failed'})
  })

  it('turns a configuration error into suite configuration with one failing case per issue', async () => {
    const {xml, suites} = await report((emit) => emitConfigError(emit))
    expect(xmllintJunit(xml).ok).to.equal(true)
    expect(suites.map((s) => s.name)).to.deep.equal(['configuration'])
    const cases = suites[0].testcase
    expect(suites[0]).to.deep.include({tests: '2', failures: '2'})
    expect(cases.map((c) => c.failure![0].message)).to.deep.equal([
      "/work/project/maestro.yaml:12:5: unknown ship 'shp1' (did you mean 'ship1'?)",
      '/work/project/maestro.yaml:14:9: ports: bad, value',
    ])
    expect(cases.map((c) => c.name)).to.deep.equal(['services.web.instances.web-1.ship', 'services.web.instances.web-1.ports'])
    expect(cases.every((c) => c.failure![0].type === 'MAESTRO_CONFIG_INVALID')).to.equal(true)
  })

  it('reports a play error no container explains (unreachable ship) as an error case', async () => {
    const {xml, suites} = await report((emit) => {
      const error = new MaestroError('MAESTRO_SHIP_UNREACHABLE', 'ship ship1 (127.0.0.9:2375) is unreachable: ECONNREFUSED')
      emit('play:start', {playId: 'p', at: T0, command: 'start', containers: [ZK], concurrency: 1, ordered: true, direction: 'forward', environment: 'shop', user: 'u'})
      emit('task:skip', {playId: 'p', at: T0, container: ZK, action: 'start', reason: 'aborted'})
      emit('play:end', {playId: 'p', at: T0 + 5, command: 'start', containers: [ZK], stats: {total: 1, succeeded: 0, failed: 0, skipped: 1, durationMs: 5, outcomes: {}}, error, interrupted: false})
    })
    expect(xmllintJunit(xml).ok).to.equal(true)
    expect(suites[0]).to.deep.include({tests: '2', errors: '1', skipped: '1'})
    expect((suites[0].testcase[1].error as Array<{type: string}>)[0].type).to.equal('MAESTRO_SHIP_UNREACHABLE')
  })

  it('gives each replaced instance a case update.<service>, a failure to the failed one and a case to the rollback', async () => {
    const {xml, suites} = await report((emit) => emitUpdate(emit, 'rollback'))
    expect(xmllintJunit(xml)).to.deep.equal({ok: true, output: ''})
    const [suite] = suites
    expect(suite).to.deep.include({tests: '6', failures: '2', skipped: '0'})
    expect(suite.testcase.map((c) => [c.classname, c.name, c.time])).to.deep.equal([
      ['update.web', 'web-1', '12.500'],
      ['web', 'start web-1', '12.510'],
      ['update.web', 'web-2', '3.000'],
      ['web', 'start web-2', '16.010'],
      ['web', 'start web-3', '16.020'],
      ['update.web', 'rollback', '0.000'],
    ])
    expect(suite.testcase[0]['system-out']).to.equal('replaced aaa111 -> bbb111 (previous kept as web-1.previous)')
    const failure = suite.testcase[2].failure![0]
    expect(failure).to.deep.include({message: REASON, type: 'MAESTRO_CHECK_FAILED'})
    expect(failure['#text']).to.equal(`${REASON}\nhint: maestro logs web-2 shows more`)
    expect(suite.testcase[2]['system-out']).to.equal('replacement failed, rolling back')
    expect(suite.testcase[5]).to.not.have.property('failure')
    expect(suite.testcase[5]['system-out']).to.equal(`rolled back web-1: ${REASON}`)
  })

  it('skips the instances a paused update left, and fails a rollback that could not put every instance back', async () => {
    const paused = await report((emit) => emitUpdate(emit, 'pause'))
    expect(xmllintJunit(paused.xml).ok).to.equal(true)
    const pending = paused.suites[0].testcase.find((c) => c.classname === 'update.web' && c.name === 'web-3')!
    expect(pending.skipped).to.deep.equal({message: `update paused: ${REASON}; not replaced: web-3 (${PAUSE_HINT})`})

    const {xml, suites} = await report((emit) => {
      emit('play:start', {playId: 'r', at: T0, command: 'start', containers: [W1], concurrency: 1, ordered: true, direction: 'forward', environment: 'shop', user: 'u'})
      emit('update:rollback', {playId: 'r', at: T0, service: 'web', trigger: 'command', reason: 'maestro rollback', restored: [], failed: [{container: W1, error: 'no previous container'}]})
    })
    expect(xmllintJunit(xml).ok).to.equal(true)
    const [rollback] = suites[0].testcase
    expect(rollback).to.deep.include({classname: 'update.web', name: 'rollback'})
    expect(rollback.failure![0]).to.deep.include({message: 'web: rolled back (no instance had been replaced): maestro rollback; could not put back web-1 (no previous container)', '#text': 'web-1: no previous container'})
  })

  it('escapes markup and drops characters XML cannot carry', async () => {
    const {xml, suites} = await report((emit) => {
      const error = new MaestroError('MAESTRO_DOCKER', 'bad <image> & "quotes"\u0007 here')
      emit('play:start', {playId: 'p', at: T0, command: 'start', containers: [ZK], concurrency: 1, ordered: true, direction: 'forward', environment: 'a&b', user: 'u'})
      emit('task:start', {playId: 'p', at: T0, container: ZK, action: 'start', index: 0})
      emit('task:fail', {playId: 'p', at: T0, container: ZK, action: 'start', error, durationMs: 1})
    })
    expect(xmllintJunit(xml).ok).to.equal(true)
    expect(suites[0].name).to.equal('start a&b')
    expect(suites[0].testcase[0].failure![0].message).to.equal('bad <image> & "quotes" here')
  })
})
