import {expect} from 'chai'
import {jsonReporter} from '../../plugins/reporter-json/index.js'
import {junitReporter} from '../../plugins/reporter-junit/index.js'
import {githubReporter} from '../../plugins/reporter-github/index.js'
import {Capture, reporterContext} from '../helpers/reporter-events.js'
import {compileSchema} from '../helpers/ajv.js'
import {parseJunit, xmllintJunit} from '../helpers/junit-xml.js'
import {rig} from '../play/setup.js'

type Case = {classname: string; name: string; failure?: Array<{type: string; message: string}>; skipped?: unknown}

describe('CI reporters on real engine events (runPlay on a fake fleet)', () => {
  it('json lines follow the schema, JUnit shows the failing container, github annotates it', async () => {
    const r = await rig()
    r.fleet.get('a').failWith = (call, arg) => (call === 'startContainer' && arg === 'app-1' ? new Error('no space left on device') : undefined)
    const outs = {json: new Capture(), junit: new Capture(), github: new Capture()}
    const reporters = [
      jsonReporter.create(reporterContext(outs.json)),
      junitReporter.create(reporterContext(outs.junit)),
      githubReporter.create(reporterContext(outs.github)),
    ]
    for (const rep of reporters) rep.attach(r.kernel.events)
    await r.play('start')
    await r.play('status')
    await r.kernel.bus.drain()
    for (const rep of reporters) await rep.done?.()

    const {validate} = compileSchema('schema/events.schema.json')
    const lines = outs.json.text.trim().split('\n').map((l) => JSON.parse(l) as {event: string})
    for (const l of lines) expect(validate(l), `${l.event}: ${JSON.stringify(validate.errors)}`).to.equal(true)
    expect(lines.filter((l) => l.event === 'play:start')).to.have.length(2)
    expect(lines.map((l) => l.event)).to.include.members(['task:fail', 'task:skip', 'task:end', 'container:create'])

    expect(xmllintJunit(outs.junit.text)).to.deep.equal({ok: true, output: ''})
    const suites = (parseJunit(outs.junit.text) as {testsuites: {testsuite: Array<{name: string; failures: string; testcase: Case[]}>}}).testsuites.testsuite
    expect(suites.map((s) => s.name)).to.deep.equal(['start shop', 'status shop'])
    const failed = suites[0].testcase.filter((c) => c.failure)
    expect(failed.map((c) => [c.classname, c.name])).to.deep.equal([['app', 'start app-1']])
    expect(failed[0].failure![0].message).to.contain('no space left on device')
    expect(suites[0].testcase.filter((c) => c.skipped !== undefined).map((c) => c.name)).to.deep.equal(['start web-1'])
    expect(suites[1].testcase).to.have.length(5)

    expect(outs.github.text).to.match(/^::error title=app-1::start failed: .*no space left on device$/m)
    expect(outs.github.text.match(/^::group::/gm)).to.have.length(2)
    expect(outs.github.text.match(/^::endgroup::$/gm)).to.have.length(2)
  })
})
