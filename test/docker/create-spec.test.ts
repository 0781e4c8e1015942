import {expect} from 'chai'
import {buildCreateSpec} from '../../src/docker/create-spec.js'
import type {CreateContainerBody} from '../../src/api/docker.js'
import type {Container} from '../../src/model/types.js'
import {MaestroError} from '../../src/api/errors.js'
import {container, environment, port, service, ship} from '../env/env-fixture.js'

function specOf(extra: Partial<Container>, image = 'busybox', envPairs: Array<[string, string | null]> = [], labels: Record<string, string> = {}): CreateContainerBody {
  const env = environment('demo', [ship('s1', '10.0.0.1')], [service('web', image, ['web-1'])], [container('web-1', 'web', 's1', image, extra)])
  return buildCreateSpec(env, 'web-1', envPairs, labels)
}

const minimalHost = {Privileged: false, RestartPolicy: {Name: 'no', MaximumRetryCount: 0}}

describe('buildCreateSpec', () => {
  it('builds a minimal body: image with default tag, hostname, privileged and restart policy always sent', () => {
    expect(specOf({})).to.deep.equal({Image: 'busybox:latest', Hostname: 'web-1', HostConfig: minimalHost})
  })

  it('writes the environment as K=V and bare K', () => {
    expect(specOf({}, 'busybox:1', [['A', '1'], ['B', null]]).Env).to.deep.equal(['A=1', 'B'])
  })

  const cases: Array<[string, Partial<Container>, Partial<CreateContainerBody>]> = [
    ['splits a string command like shlex', {command: "bash -c 'echo hi && env'"}, {Cmd: ['bash', '-c', 'echo hi && env']}],
    ['passes a list command through', {command: ['sh', '-c', 'x y']}, {Cmd: ['sh', '-c', 'x y']}],
    ['sets User and WorkingDir', {username: 'nobody', workdir: '/tmp'}, {User: 'nobody', WorkingDir: '/tmp'}],
    ['declares bind targets and container volumes', {volumes: [{host: '/h/a', target: '/a'}, {host: '/h/b', target: '/b', mode: 'ro,Z'}], containerVolumes: ['/c', '/a']},
      {Volumes: {'/a': {}, '/b': {}, '/c': {}}, HostConfig: {...minimalHost, Binds: ['/h/a:/a', '/h/b:/b:ro,Z']}}],
    ['exposes and publishes ports, exposed:external', {ports: [port('http', '80', '18080'), port('dns', '53', '5353', 'udp', '10.0.0.1')]},
      {ExposedPorts: {'80/tcp': {}, '53/udp': {}}, HostConfig: {...minimalHost, PortBindings: {'80/tcp': [{HostIp: '0.0.0.0', HostPort: '18080'}], '53/udp': [{HostIp: '10.0.0.1', HostPort: '5353'}]}}}],
    ['keeps a host range as a-b for a single exposed port', {ports: [port('r', '1234', '18110-18112')]},
      {ExposedPorts: {'1234/tcp': {}}, HostConfig: {...minimalHost, PortBindings: {'1234/tcp': [{HostIp: '0.0.0.0', HostPort: '18110-18112'}]}}}],
    ['expands exposed ranges, binding equal-length ranges pairwise', {ports: [port('r', '7000-7001', '17000-17001')]},
      {ExposedPorts: {'7000/tcp': {}, '7001/tcp': {}}, HostConfig: {...minimalHost, PortBindings: {'7000/tcp': [{HostIp: '0.0.0.0', HostPort: '17000'}], '7001/tcp': [{HostIp: '0.0.0.0', HostPort: '17001'}]}}}],
    ['binds one exposed port twice when two names share it', {ports: [port('a', '80', '8080'), port('b', '80', '8081', 'tcp', '127.0.0.1')]},
      {ExposedPorts: {'80/tcp': {}}, HostConfig: {...minimalHost, PortBindings: {'80/tcp': [{HostIp: '0.0.0.0', HostPort: '8080'}, {HostIp: '127.0.0.1', HostPort: '8081'}]}}}],
    ['links, volumes_from, extra hosts and dns', {links: {'db-1': 'db'}, volumesFrom: ['data-1'], extraHosts: {api: '10.0.0.9'}, dns: ['8.8.8.8']},
      {HostConfig: {...minimalHost, Links: ['db-1:db'], VolumesFrom: ['data-1'], ExtraHosts: ['api:10.0.0.9'], Dns: ['8.8.8.8']}}],
    ['privileges and security options', {privileged: true, capAdd: ['NET_ADMIN'], capDrop: ['MKNOD'], securityOpt: ['label:disable']},
      {HostConfig: {...minimalHost, Privileged: true, CapAdd: ['NET_ADMIN'], CapDrop: ['MKNOD'], SecurityOpt: ['label:disable']}}],
    ['net sets NetworkMode and drops the hostname', {net: 'host'}, {Hostname: undefined, HostConfig: {...minimalHost, NetworkMode: 'host'}}],
    ['restart policy and limits', {restart: {name: 'on-failure', maximumRetryCount: 3}, limits: {cpu: 512, memory: 536870912, swap: -1}},
      {HostConfig: {...minimalHost, RestartPolicy: {Name: 'on-failure', MaximumRetryCount: 3}, Memory: 536870912, MemorySwap: -1, CpuShares: 512}}],
    ['ulimits, log config and lxc conf', {ulimits: [{name: 'nofile', soft: 1024, hard: 2048}], logDriver: 'syslog', logOpt: {tag: 'web'}, lxcConf: {'lxc.utsname': 'x'}},
      {HostConfig: {...minimalHost, Ulimits: [{Name: 'nofile', Soft: 1024, Hard: 2048}], LogConfig: {Type: 'syslog', Config: {tag: 'web'}}, LxcConf: [{Key: 'lxc.utsname', Value: 'x'}]}}],
    ['a log driver without options', {logDriver: 'none'}, {HostConfig: {...minimalHost, LogConfig: {Type: 'none', Config: {}}}}],
  ]
  for (const [what, extra, expected] of cases) {
    it(what, () => {
      const want = {Image: 'busybox:latest', Hostname: 'web-1', HostConfig: minimalHost, ...expected}
      const body = specOf(extra)
      expect(body).to.deep.equal(Object.fromEntries(Object.entries(want).filter(([, v]) => v !== undefined)))
    })
  }

  it('merges user labels with Maestro labels, Maestro winning', () => {
    const body = specOf({labels: {team: 'a', 'maestro.env': 'user'}}, 'busybox', [], {'maestro.env': 'demo', 'maestro.digest': 'v1:abc'})
    expect(body.Labels).to.deep.equal({team: 'a', 'maestro.env': 'demo', 'maestro.digest': 'v1:abc'})
  })

  it('keeps a tagged or digested image as written', () => {
    expect(specOf({}, 'reg:5000/app:2').Image).to.equal('reg:5000/app:2')
    expect(specOf({}, 'app@sha256:abc').Image).to.equal('app@sha256:abc')
  })

  it('rejects an unknown container', () => {
    const env = environment('demo', [], [], [])
    expect(() => buildCreateSpec(env, 'ghost', [], {})).to.throw(MaestroError, 'ghost')
  })
})
