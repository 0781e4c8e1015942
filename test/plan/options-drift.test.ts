import {expect} from 'chai'
import {configDigest, diffConfig, effectiveConfig} from '../../src/plan/index.js'
import type {Container} from '../../src/model/types.js'
import {container} from '../helpers/env-builder.js'

const base = container('web-1', 'web', 'nginx:1', {ship: 'a'})
const env: [string, string | null][] = [['A', '1']]

/** [option, the container with it set, the same option changed] */
const CASES: Array<[string, Partial<Container>, Partial<Container>]> = [
  ['networks', {networks: [{name: 'front', aliases: ['db']}]}, {networks: [{name: 'front', aliases: ['db', 'primary']}]}],
  ['tmpfs', {tmpfs: {'/run': 'size=16m'}}, {tmpfs: {'/run': 'size=8m'}}],
  ['devices', {devices: [{host: '/dev/a', container: '/dev/a', permissions: 'rwm'}]}, {devices: [{host: '/dev/a', container: '/dev/a', permissions: 'r'}]}],
  ['healthcheck', {healthcheck: {test: ['CMD-SHELL', 'true'], interval: 1e9}}, {healthcheck: {test: ['CMD-SHELL', 'true'], interval: 2e9}}],
  ['init', {init: true}, {init: false}],
  ['stop_signal', {stopSignal: 'SIGUSR1'}, {stopSignal: 'SIGTERM'}],
  ['read_only', {readOnly: true}, {readOnly: false}],
  ['shm_size', {shmSize: 64}, {shmSize: 128}],
  ['sysctls', {sysctls: {'net.core.somaxconn': '1024'}}, {sysctls: {'net.core.somaxconn': '512'}}],
  ['pids_limit', {pidsLimit: 100}, {pidsLimit: 200}],
  ['group_add', {groupAdd: ['audio']}, {groupAdd: ['video']}],
  ['entrypoint', {entrypoint: ['sh', '-c']}, {entrypoint: ['bash', '-c']}],
  ['hostname', {hostname: 'a'}, {hostname: 'b'}],
  ['domainname', {domainname: 'a.test'}, {domainname: 'b.test'}],
  ['gpus', {gpus: [{count: -1, capabilities: ['gpu']}]}, {gpus: [{count: 1, capabilities: ['gpu']}]}],
  ['platform', {platform: 'linux/amd64'}, {platform: 'linux/arm64'}],
]

const fieldOf = (field: string) => (c: {field: string}) => c.field === field || c.field.startsWith(`${field}.`)

describe('drift of the container options (issue 16)', () => {
  it('a container that sets none of them keeps the digest it had before they existed', () => {
    expect(Object.keys(effectiveConfig(base, env))).to.not.include.members(CASES.map(([f]) => f))
  })

  for (const [field, set, changed] of CASES) {
    it(`${field}: setting, changing and removing it are changes of '${field}' only`, () => {
      const none = effectiveConfig(base, env)
      const a = effectiveConfig({...base, ...set}, env)
      const b = effectiveConfig({...base, ...changed}, env)
      for (const [before, after] of [[none, a], [a, b], [a, none]] as const) {
        const changes = diffConfig(before, after)
        expect(changes.length, JSON.stringify(changes)).to.be.greaterThan(0)
        expect(changes.every(fieldOf(field)), JSON.stringify(changes)).to.equal(true)
        expect(configDigest(before)).to.not.equal(configDigest(after))
      }
    })
  }
})
