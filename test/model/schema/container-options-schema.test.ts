import {expect} from 'chai'
import {parse} from 'yaml'
import {buildJsonSchema} from '../../../src/model/schema/json-schema.js'
import {compileSchema} from '../../helpers/ajv.js'
import {ACCEPTED} from '../../helpers/container-options-cases.js'

const OPTIONS = ['networks', 'tmpfs', 'devices', 'healthcheck', 'init', 'stop_signal', 'read_only', 'shm_size', 'sysctls', 'pids_limit',
  'group_add', 'entrypoint', 'hostname', 'domainname', 'gpus', 'platform']

const base = 'name: e\nships: {s1: {ip: 10.0.0.1}}\nservices:\n  web:\n    image: nginx\n    instances:\n      web-1:\n        ship: s1\n'

const REJECTED: Array<[string, string]> = [
  ['networks that are a number', 'networks: 5'],
  ['network aliases that are a mapping', 'networks: {front: {aliases: {a: 1}}}'],
  ['tmpfs as a mapping', 'tmpfs: {/run: x}'],
  ['healthcheck as a string', 'healthcheck: "curl localhost"'],
  ['negative healthcheck retries', 'healthcheck: {test: x, retries: -1}'],
  ['init that is a word', 'init: maybe'],
  ['a stop_signal number above 64', 'stop_signal: 99'],
  ['read_only that is a number', 'read_only: 3'],
  ['a negative shm_size', 'shm_size: -1'],
  ['pids_limit below -1', 'pids_limit: -2'],
  ['a negative gpus count', 'gpus: [{count: -1}]'],
  ['platform that is a list', 'platform: [linux]'],
]

describe('maestro.yaml JSON Schema: container options', () => {
  const {validate} = compileSchema('schema/maestro.schema.json')
  const ok = (keys: string) => validate(parse(`${base}${keys.split('\n').map((l) => `        ${l}`).join('\n')}\n`, {merge: true}))

  it('describes every option on instances, with its Docker equivalent', () => {
    const instance = (buildJsonSchema().definitions as Record<string, {properties: Record<string, {description: string}>}>).instance
    for (const key of OPTIONS) expect(instance.properties[key]?.description, key).to.be.a('string').and.not.equal('')
  })

  for (const [what, yaml] of ACCEPTED) {
    if (yaml === '') continue
    it(`accepts ${what}`, () => {
      expect(ok(yaml), JSON.stringify(validate.errors)).to.equal(true)
    })
  }

  for (const [what, yaml] of REJECTED) {
    it(`rejects ${what}`, () => {
      expect(ok(yaml)).to.equal(false)
    })
  }
})
