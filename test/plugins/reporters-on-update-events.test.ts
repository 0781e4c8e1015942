import {expect} from 'chai'
import {consoleReporter} from '../../plugins/reporter-console/index.js'
import {jsonReporter} from '../../plugins/reporter-json/index.js'
import {junitReporter} from '../../plugins/reporter-junit/index.js'
import {githubReporter} from '../../plugins/reporter-github/index.js'
import {EventBus} from '../../src/kernel/event-bus.js'
import {MaestroError} from '../../src/api/errors.js'
import type {EventName, EventPayload} from '../../src/api/events.js'
import {Capture, reporterContext} from '../helpers/reporter-events.js'
import {compileSchema} from '../helpers/ajv.js'
import {xmllintJunit} from '../helpers/junit-xml.js'
import {emitUpdate, W1} from '../helpers/update-events.js'

const SECRET = 'hunter2-db-password'

/**
 * Payloads as careless as a plugin might make them: container objects carrying the instance's environment, an
 * error whose cause holds it. Reporters print names, ids and messages, never those.
 */
function withSecrets<E extends EventName>(event: E, payload: EventPayload<E>): EventPayload<E> {
  const env = {DB_PASSWORD: SECRET}
  const p = payload as unknown as Record<string, unknown>
  const out: Record<string, unknown> = {...p}
  if (p.container) out.container = {...(p.container as object), env}
  if (p.error instanceof MaestroError) out.error = new MaestroError(p.error.code, p.error.message, {hint: p.error.hint, logTail: p.error.logTail, cause: {env}})
  if (event === 'update:rollback') out.restored = (p.restored as {container: object}[]).map((r) => ({...r, container: {...r.container, env}}))
  return out as unknown as EventPayload<E>
}

describe('every reporter on update:* events (a rolled-back update, then a paused one)', () => {
  it('json lines follow the schema, JUnit is valid, github annotates, the console logs plainly, and no secret shows', async () => {
    const bus = new EventBus()
    const outs = {console: new Capture(), json: new Capture(), junit: new Capture(), github: new Capture()}
    const reporters = [
      consoleReporter.create(reporterContext(outs.console)),
      jsonReporter.create(reporterContext(outs.json)),
      junitReporter.create(reporterContext(outs.junit)),
      githubReporter.create(reporterContext(outs.github)),
    ]
    for (const r of reporters) r.attach(bus)
    const emit = <E extends EventName>(e: E, p: EventPayload<E>) => bus.emit(e, withSecrets(e, p))
    emitUpdate(emit, 'rollback')
    emitUpdate((e, p) => emit(e, {...p, ...('playId' in p ? {playId: 'u2'} : {})}), 'pause')
    emit('update:rollback', {playId: 'u3', at: 1, service: 'web', trigger: 'command', reason: 'maestro rollback', restored: [{container: W1, id: 'aaa111'}], failed: []})
    await bus.drain()
    for (const r of reporters) await r.done?.()

    const {validate} = compileSchema('schema/events.schema.json')
    const lines = outs.json.text.trim().split('\n').map((l) => JSON.parse(l) as {event: string})
    for (const l of lines) expect(validate(l), `${l.event}: ${JSON.stringify(validate.errors)}`).to.equal(true)
    expect(lines.map((l) => l.event), 'no listener threw').not.to.include('plugin:error')
    expect(lines.filter((l) => l.event.startsWith('update:'))).to.have.length(13)

    expect(xmllintJunit(outs.junit.text)).to.deep.equal({ok: true, output: ''})
    expect(outs.junit.text.match(/<testcase classname="update\.web"/g)).to.have.length(7)
    expect(outs.junit.text, 'a rollback outside a play has a suite of its own').to.contain('<testsuite name="update"')

    expect(outs.github.text.match(/^::error title=web::rolled back web-1: /gm)).to.have.length(2)
    expect(outs.github.text.match(/^::warning title=web::update paused: /gm)).to.have.length(1)

    expect(outs.console.text).not.to.match(/\x1b/)
    expect(outs.console.text).to.contain('web-1: replaced aaa111 -> bbb111 (previous kept as web-1.previous)\n')
    expect(outs.console.text.endsWith('web: rolled back web-1: maestro rollback\n'), 'a rollback outside a play is written at once').to.equal(true)

    for (const [name, out] of Object.entries(outs)) expect(out.text, name).not.to.contain(SECRET)
  })
})
