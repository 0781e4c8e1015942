import {expect} from 'chai'
import {buildCreateSpec} from '../../src/docker/create-spec.js'
import type {CreateContainerBody} from '../../src/api/docker.js'
import type {Container} from '../../src/model/types.js'
import {container, environment, service, ship} from '../env/env-fixture.js'

function specOf(extra: Partial<Container>): CreateContainerBody {
  const env = environment('demo', [ship('s1', '10.0.0.1')], [service('web', 'busybox', ['web-1'])], [container('web-1', 'web', 's1', 'busybox', extra)])
  return buildCreateSpec(env, 'web-1', [], {})
}

const host = (extra: Record<string, unknown>) => ({Privileged: false, RestartPolicy: {Name: 'no', MaximumRetryCount: 0}, ...extra})

describe('buildCreateSpec: container options (issue 16)', () => {
  const cases: Array<[string, Partial<Container>, Partial<CreateContainerBody>]> = [
    ['networks: created on the first with its aliases (API 1.41 takes one)', {networks: [{name: 'front', aliases: ['db']}, {name: 'back', aliases: []}]},
      {HostConfig: host({NetworkMode: 'front'}), NetworkingConfig: {EndpointsConfig: {front: {Aliases: ['db']}}}}],
    ['tmpfs', {tmpfs: {'/run': 'size=64m', '/tmp': ''}}, {HostConfig: host({Tmpfs: {'/run': 'size=64m', '/tmp': ''}})}],
    ['devices', {devices: [{host: '/dev/null', container: '/dev/foo', permissions: 'rw'}]},
      {HostConfig: host({Devices: [{PathOnHost: '/dev/null', PathInContainer: '/dev/foo', CgroupPermissions: 'rw'}]})}],
    ['healthcheck, durations in ns', {healthcheck: {test: ['CMD-SHELL', 'true'], interval: 1e9, retries: 3}},
      {Healthcheck: {Test: ['CMD-SHELL', 'true'], Interval: 1e9, Timeout: undefined, Retries: 3, StartPeriod: undefined}}],
    ['init, read_only, shm_size, pids_limit', {init: true, readOnly: true, shmSize: 64, pidsLimit: 100},
      {HostConfig: host({Init: true, ReadonlyRootfs: true, ShmSize: 64, PidsLimit: 100})}],
    ['sysctls and group_add', {sysctls: {'net.core.somaxconn': '1024'}, groupAdd: ['audio']},
      {HostConfig: host({Sysctls: {'net.core.somaxconn': '1024'}, GroupAdd: ['audio']})}],
    ['stop_signal', {stopSignal: 'SIGUSR1'}, {StopSignal: 'SIGUSR1'}],
    ['entrypoint string is shell-split', {entrypoint: "sh -c 'a b'"}, {Entrypoint: ['sh', '-c', 'a b']}],
    ['an empty entrypoint clears the image one', {entrypoint: []}, {Entrypoint: ['']}],
    ['hostname and domainname', {hostname: 'box', domainname: 'example.com'}, {Hostname: 'box', Domainname: 'example.com'}],
    ['gpus all', {gpus: [{count: -1, capabilities: ['gpu']}]},
      {HostConfig: host({DeviceRequests: [{Driver: '', Count: -1, DeviceIDs: null, Capabilities: [['gpu']], Options: {}}]})}],
    ['gpus by device id', {gpus: [{driver: 'nvidia', deviceIds: ['0'], capabilities: ['gpu', 'utility']}]},
      {HostConfig: host({DeviceRequests: [{Driver: 'nvidia', Count: 0, DeviceIDs: ['0'], Capabilities: [['gpu', 'utility']], Options: {}}]})}],
  ]
  for (const [what, extra, expected] of cases) {
    it(what, () => {
      expect(specOf(extra)).to.deep.include(expected)
    })
  }

  it('a hostname wins over the instance name even with net (as docker run --hostname)', () => {
    expect(specOf({net: 'bridge', hostname: 'box'}).Hostname).to.equal('box')
  })

  it('sends none of them when the file sets none', () => {
    const body = specOf({})
    for (const key of ['NetworkingConfig', 'Healthcheck', 'StopSignal', 'Entrypoint', 'Domainname']) expect(body).to.not.have.property(key)
    expect(Object.keys(body.HostConfig ?? {}).sort()).to.deep.equal(['Privileged', 'RestartPolicy'])
  })
})
