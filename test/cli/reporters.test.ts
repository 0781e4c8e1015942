import {expect} from 'chai'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {maestro, tempProject} from '../helpers/cli.js'
import {compileSchema} from '../helpers/ajv.js'
import {parseJunit, xmllintJunit} from '../helpers/junit-xml.js'

const BAD = `name: shop
ships:
  ship1: {ip: 127.0.0.1}
services:
  web:
    image: nginx
    imgae: x
    instances:
      web-1: {ship: shp1}
`

describe('CI reporters on a configuration error (built binary)', () => {
  let t: {dir: string; cleanup: () => void}
  before(() => (t = tempProject({'maestro.yaml': BAD})))
  after(() => t.cleanup())

  it('combines github annotations on stdout, JUnit XML and JSON lines in files, and exits 2', async () => {
    const r = await maestro(['validate', '--reporter', 'github', '--reporter', 'junit=out/ci/maestro.xml', '--reporter', 'json=out/events.jsonl'], {
      cwd: t.dir,
      env: {GITHUB_WORKSPACE: t.dir},
    })
    expect(r.code).to.equal(2)
    expect(r.stdout.trim().split('\n')).to.deep.equal([
      "::warning file=maestro.yaml,line=7,col=5,title=Maestro::unknown key 'imgae' in service web (ignored; did you mean 'image'?)",
      "::error file=maestro.yaml,line=9,col=21,title=Maestro::services.web.instances.web-1: unknown ship 'shp1' (did you mean 'ship1'?)",
    ])

    const xml = readFileSync(join(t.dir, 'out/ci/maestro.xml'), 'utf8')
    expect(xmllintJunit(xml).ok).to.equal(true)
    const suite = (parseJunit(xml) as {testsuites: {testsuite: Array<{name: string; testcase: Array<{failure: Array<{message: string}>}>}>}}).testsuites.testsuite[0]
    expect(suite.name).to.equal('configuration')
    expect(suite.testcase[0].failure[0].message).to.match(/maestro\.yaml:9:21: .*unknown ship 'shp1'/)

    const {validate} = compileSchema('schema/events.schema.json')
    const lines = readFileSync(join(t.dir, 'out/events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as {event: string})
    expect(lines.map((l) => l.event)).to.deep.equal(['config:error'])
    for (const l of lines) expect(validate(l), JSON.stringify(validate.errors)).to.equal(true)
  })
})
