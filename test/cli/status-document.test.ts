import {expect} from 'chai'
import {STATUS_SCHEMA, statusDocument} from '../../src/cli/status-document.js'
import type {ContainerResult} from '../../src/play/types.js'
import type {OrphanOutcome} from '../../src/plan/decide-orphan.js'
import {compileSchema} from '../helpers/ajv.js'
import {envFrom} from '../helpers/model-env.js'

const environment = envFrom(`name: shop
ships:
  a: {ip: 10.0.0.1}
  b: {ip: 10.0.0.2}
services:
  web:
    image: shop/web:1.4
    instances: {web-1: {ship: a}, web-2: {ship: a}, web-3: {ship: a}, web-4: {ship: a}}
  db:
    image: postgres:16
    instances: {db-1: {ship: b}}
`)

/** As the status recipe (src/play/recipes/status.ts) reports each container. */
const outcomes = new Map<string, ContainerResult>([
  ['web-1', {status: 'ok', outcome: 'running', id: 'c1', data: {
    state: 'running', status: 'Up 3 minutes', image: 'shop/web:1.3', imageId: 'sha256:1', created: 1_700_000_000, exitCode: undefined,
    published: [{hostPort: 8080, containerPort: 80, protocol: 'tcp'}, {hostIp: '127.0.0.1', hostPort: 5353, containerPort: 53, protocol: 'udp'}],
    drift: ['image', 'env.DB_PASSWORD'], changes: [{field: 'image', before: 'shop/web:1.3', after: 'shop/web:1.4'}, {field: 'env.DB_PASSWORD', after: 's3cret-value'}], driftKnown: true,
  }}],
  ['web-2', {status: 'ok', outcome: 'down', id: 'c2', data: {state: 'exited', status: 'Exited (3) 5 seconds ago', image: 'shop/web:1.4', imageId: 'sha256:2', created: 1_700_000_100, exitCode: 3, published: [], drift: [], changes: [], driftKnown: true}}],
  ['web-3', {status: 'ok', outcome: 'absent'}],
  ['web-4', {status: 'ok', outcome: 'not ready', id: 'c4', data: {
    state: 'running', status: 'Up About a minute', image: 'shop/web:1.4', imageId: 'sha256:2', created: 1_700_000_200, published: [], drift: [], changes: [], driftKnown: false,
    ports: [{name: 'http', port: '8081', protocol: 'tcp', up: false}], notReady: {at: '2026-12-07T10:00:00.000Z', reason: 'http check on port 8081 failed'},
  }}],
  ['db-1', {status: 'ok', outcome: 'host down', data: {reason: 'ship b (tcp://10.0.0.2:2375) is unreachable: connect ECONNREFUSED'}}],
])

const orphans: OrphanOutcome[] = [
  {container: 'db-1', ship: 'a', kind: 'moved', movedTo: 'b', service: 'db', state: 'exited', status: 'Exited (0) 2 hours ago', id: 'o1', action: 'keep', reason: '', done: false},
  {container: 'cache-1', ship: 'a', kind: 'unknown', state: 'running', status: 'Up 2 days', id: 'o2', action: 'keep', reason: '', done: false},
]

describe('status --json document', () => {
  const at = new Date('2026-12-07T12:00:00.000Z')
  const doc = statusDocument(environment, {outcomes, orphans, unseen: ['c']}, at)

  it('is valid against schema/status.schema.json', () => {
    const {validate} = compileSchema('schema/status.schema.json')
    expect(validate(doc), JSON.stringify(validate.errors)).to.equal(true)
    expect(validate(JSON.parse(JSON.stringify(doc)))).to.equal(true)
    expect(validate({...doc, schema: 'maestro.status/v2'})).to.equal(false)
  })

  it('names the format, the environment and when the ships were listed', () => {
    expect([doc.schema, doc.environment, doc.generatedAt]).to.deep.equal([STATUS_SCHEMA, 'shop', '2026-12-07T12:00:00.000Z'])
  })

  it('gives a running container its ports, age, images and drifted field names', () => {
    expect(doc.containers[0]).to.deep.equal({
      name: 'web-1', service: 'web', ship: 'a', state: 'running', id: 'c1', dockerState: 'running', dockerStatus: 'Up 3 minutes',
      createdAt: '2023-11-14T22:13:20.000Z', ageSeconds: 180, exitCode: null,
      ports: [{hostIp: null, hostPort: 8080, containerPort: 80, protocol: 'tcp'}, {hostIp: '127.0.0.1', hostPort: 5353, containerPort: 53, protocol: 'udp'}],
      image: 'shop/web:1.3', imageId: 'sha256:1', fileImage: 'shop/web:1.4', drift: ['image', 'env.DB_PASSWORD'], driftKnown: true, notReady: false,
    })
  })

  it('gives an exited container its exit code, an absent one nulls, a not-ready one its flag, reason and probes', () => {
    const [, down, absent, notReady, unreachable] = doc.containers
    expect([down.state, down.dockerState, down.exitCode, down.ageSeconds]).to.deep.equal(['down', 'exited', 3, 5])
    expect(absent).to.deep.include({state: 'absent', id: null, dockerState: null, exitCode: null, ports: [], image: null, fileImage: 'shop/web:1.4', drift: [], notReady: false})
    expect(notReady).to.deep.include({state: 'running', notReady: true, notReadyReason: 'http check on port 8081 failed', driftKnown: false, ageSeconds: 60})
    expect(notReady.probes).to.deep.equal([{name: 'http', port: '8081', protocol: 'tcp', up: false}])
    expect(down.probes).to.equal(undefined)
    expect(unreachable).to.deep.include({name: 'db-1', ship: 'b', state: 'unknown', id: null, driftKnown: false})
  })

  it('lists unreachable ships once with their error, the unlisted ones, and the orphans', () => {
    expect(doc.unreachable).to.deep.equal([{ship: 'b', error: 'ship b (tcp://10.0.0.2:2375) is unreachable: connect ECONNREFUSED'}])
    expect(doc.unlistedShips).to.deep.equal(['c'])
    expect(doc.orphans).to.deep.equal([
      {name: 'db-1', ship: 'a', state: 'down', dockerState: 'exited', dockerStatus: 'Exited (0) 2 hours ago', ageSeconds: 7200, kind: 'moved', movedTo: 'b', service: 'db', id: 'o1'},
      {name: 'cache-1', ship: 'a', state: 'running', dockerState: 'running', dockerStatus: 'Up 2 days', ageSeconds: 172_800, kind: 'unknown', movedTo: null, service: null, id: 'o2'},
    ])
  })

  it('never carries a configuration value, only field names', () => {
    const text = JSON.stringify(doc)
    expect(text).not.to.include('s3cret-value')
    expect(text).not.to.include('"changes"')
  })

  it('a container the play did not get to is unknown, with why', () => {
    const skipped = statusDocument(environment, {outcomes: new Map([['web-1', {status: 'skipped', reason: 'interrupted'}]]), orphans: [], unseen: []}, at)
    expect(skipped.containers[0]).to.deep.include({state: 'unknown', error: 'interrupted'})
  })
})
