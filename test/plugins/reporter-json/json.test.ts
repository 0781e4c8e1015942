import {expect} from 'chai'
import {jsonReporter} from '../../../plugins/reporter-json/index.js'
import {EVENT_NAMES} from '../../../src/api/events.js'
import {attached, emitConfigError, emitFailingPlay, K1, T0} from '../../helpers/reporter-events.js'
import {compileSchema} from '../../helpers/ajv.js'
import {emitUpdate, REASON, W1} from '../../helpers/update-events.js'

type Line = Record<string, unknown> & {event: string}

async function run(emitAll: (emit: ReturnType<typeof attached>['emit']) => void): Promise<Line[]> {
  const {out, reporter, emit} = attached(jsonReporter)
  emitAll(emit)
  await reporter.done?.()
  expect(out.text.endsWith('\n')).to.equal(true)
  return out.text.trimEnd().split('\n').map((l) => JSON.parse(l) as Line)
}

describe('reporter json', () => {
  const {validate, schema} = compileSchema('schema/events.schema.json')

  it('writes one line per event, in emission order, each valid against schema/events.schema.json', async () => {
    const lines = await run(emitFailingPlay)
    expect(lines.map((l) => l.event)).to.deep.equal([
      'config:loaded', 'play:start', 'transport:open', 'task:wait', 'task:wait', 'task:start', 'task:progress', 'image:pull',
      'container:create', 'container:start', 'check:start', 'check:pass', 'task:end', 'task:start', 'check:fail', 'task:fail',
      'task:skip', 'log', 'plugin:error', 'play:end', 'transport:close',
    ])
    for (const line of lines) {
      expect(validate(line), `${line.event}: ${JSON.stringify(validate.errors)}`).to.equal(true)
      expect(line.schema).to.equal('maestro.events/v1')
      expect(line.at).to.be.a('number')
    }
  })

  it('serialises errors as {code, message, hint} and container refs as plain objects', async () => {
    const lines = await run(emitFailingPlay)
    const fail = lines.find((l) => l.event === 'task:fail')!
    expect(fail).to.deep.include({playId: 'p1', at: T0 + 3753, action: 'start', durationMs: 2250, container: {...K1}})
    expect(fail.error).to.deep.equal({code: 'MAESTRO_CHECK_FAILED', message: 'kafka-1: running check tcp:client failed: connection refused', hint: 'look at the logs'})
    expect(lines.find((l) => l.event === 'plugin:error')!.error).to.deep.equal({code: 'unknown', message: 'boom'})
    const loaded = lines.find((l) => l.event === 'config:loaded')!
    expect(loaded.environment).to.deep.equal({name: 'shop', file: '/env/maestro.yaml', schema: 1, ships: ['ship1'], services: ['zookeeper', 'kafka'], containers: ['zk-1', 'kafka-1', 'kafka-2']})
    const end = lines.find((l) => l.event === 'play:end')!
    expect(end.stats).to.deep.include({total: 3, failed: 1, skipped: 1})
    expect((end.error as {code: string}).code).to.equal('MAESTRO_CHECK_FAILED')
  })

  it('writes a config error with every issue located', async () => {
    const lines = await run((emit) => emitConfigError(emit))
    expect(lines).to.have.length(1)
    expect(validate(lines[0]), JSON.stringify(validate.errors)).to.equal(true)
    const error = lines[0].error as {code: string; loc: unknown; issues: Array<{severity: string; loc: {line: number}}>}
    expect(error.code).to.equal('MAESTRO_CONFIG_INVALID')
    expect(error.loc).to.deep.equal({file: '/work/project/maestro.yaml', line: 12, column: 5})
    expect(error.issues.map((i) => [i.severity, i.loc.line])).to.deep.equal([['error', 12], ['error', 14], ['warning', 7]])
  })

  it('writes every update:* event as a line valid against the schema, errors as {code, message, hint}', async () => {
    const lines = [...(await run((emit) => emitUpdate(emit, 'rollback'))), ...(await run((emit) => emitUpdate(emit, 'pause')))]
    const updates = lines.filter((l) => l.event.startsWith('update:'))
    expect(updates.map((l) => l.event)).to.deep.equal([
      'update:replace', 'update:monitor', 'update:replaced', 'update:replace', 'update:failed', 'update:rollback',
      'update:replace', 'update:monitor', 'update:replaced', 'update:replace', 'update:failed', 'update:pause',
    ])
    for (const line of lines) expect(validate(line), `${line.event}: ${JSON.stringify(validate.errors)}`).to.equal(true)
    expect(updates[2]).to.deep.include({container: W1, order: 'start-first', oldId: 'aaa111', newId: 'bbb111', previous: 'web-1.previous', durationMs: 12_500})
    expect(updates[4]).to.deep.include({then: 'rollback', error: {code: 'MAESTRO_CHECK_FAILED', message: REASON, hint: 'maestro logs web-2 shows more'}})
    expect(updates[5]).to.deep.include({service: 'web', trigger: 'failure', reason: REASON, restored: [{container: W1, id: 'aaa111', removedId: 'bbb111'}], failed: []})
    expect(updates[11]).to.deep.include({service: 'web', pending: ['web-3']})
  })

  it('keeps only the ref of a rolled-back container, whatever else the object carries', async () => {
    const container = {...W1, env: {DB_PASSWORD: 'hunter2-secret'}}
    const lines = await run((emit) => emit('update:rollback', {playId: 'p', at: 1, service: 'web', trigger: 'command', reason: 'maestro rollback', restored: [{container, id: 'aaa111'}], failed: [{container, error: 'no previous container'}]}))
    expect(lines[0]).to.deep.include({restored: [{container: W1, id: 'aaa111'}], failed: [{container: W1, error: 'no previous container'}]})
    expect(validate(lines[0]), JSON.stringify(validate.errors)).to.equal(true)
    expect(JSON.stringify(lines)).not.to.contain('hunter2')
  })

  it('writes an uncapped concurrency as null', async () => {
    const lines = await run((emit) => emit('play:start', {playId: 'x', at: 1, command: 'status', containers: [], concurrency: Infinity, ordered: false, direction: 'none', environment: 'e', user: 'u'}))
    expect(lines[0].concurrency).to.equal(null)
    expect(validate(lines[0])).to.equal(true)
  })

  it('has a schema for exactly the events of the catalogue, and rejects lines that break it', () => {
    const props = schema.properties as {event: {enum: string[]}}
    expect(props.event.enum).to.deep.equal([...EVENT_NAMES])
    expect(validate({schema: 'maestro.events/v1', event: 'task:fail', at: 1, playId: 'p', container: K1, action: 'start', durationMs: 1, error: {message: 'no code'}})).to.equal(false)
    expect(validate({schema: 'maestro.events/v2', event: 'log', at: 1, level: 'info', source: 's', message: 'm'})).to.equal(false)
    expect(validate({schema: 'maestro.events/v1', event: 'task:end', at: 1, playId: 'p', container: K1, action: 'start', outcome: 'exploded', durationMs: 1})).to.equal(false)
    expect(validate({schema: 'maestro.events/v1', event: 'update:failed', at: 1, playId: 'p', container: K1, error: {code: 'X', message: 'm'}, then: 'retry'})).to.equal(false)
    expect(validate({schema: 'maestro.events/v1', event: 'update:replace', at: 1, playId: 'p', container: K1, order: 'start-first', oldId: 'a', batch: 0})).to.equal(false)
  })
})
