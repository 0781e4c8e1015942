import {expect} from 'chai'
import {envFrom, instanceYaml, issuesOf} from '../helpers/model-env.js'
import {ACCEPTED} from '../helpers/container-options-cases.js'
import {parseDuration} from '../../src/model/healthcheck.js'
import {parseGpuFlag} from '../../src/model/gpus.js'
import {parseDevice} from '../../src/model/devices.js'
import {parseRamBytes, parseSignal} from '../../src/model/container-options.js'

const MiB = 1024 ** 2

/** [instance YAML, every issue as line:col: message] */
const REFUSED: Array<[string, string[]]> = [
  ["networks: [host]", ["12:20: network 'host' is one of Docker's own; use 'net: host' instead of 'networks'"]],
  ["networks: {\"bad name\": null}", ["12:32: invalid network name 'bad name' (letters, digits, '_', '.', '-', not starting with a symbol)"]],
  ["networks: {front: {aliases: [a], ipv4_address: 10.0.0.5}}", ["12:42: network 'front': unsupported key 'ipv4_address' (Maestro reads aliases)"]],
  ["networks: [front, front]", ["12:27: network 'front' is listed twice"]],
  ["networks: [front]\nnet: bridge", ["12:9: 'networks' and 'net' cannot be combined (as Compose's networks and network_mode)"]],
  ["networks: 5", ["12:19: 'networks' must be a list of network names or a mapping of name to {aliases}"]],
  ["tmpfs: [relative]", ["12:17: tmpfs 'relative': the mount path must be absolute"]],
  ["tmpfs: [/run, /run]", ["12:23: tmpfs /run is listed twice"]],
  ["tmpfs: /data\ncontainer_volumes: [/data]", ["12:16: tmpfs /data is also a volume target"]],
  ["devices: [/dev/null:/dev/foo:rwx]", ["12:19: device '/dev/null:/dev/foo:rwx': invalid permissions 'rwx' (some of r, w, m)"]],
  ["devices: [dev/null]", ["12:19: device 'dev/null': paths must be absolute"]],
  ["healthcheck: {test: [RUN, x]}", ["12:29: healthcheck.test as a list must start with CMD, CMD-SHELL or NONE, got \"RUN\""]],
  ["healthcheck: {interval: 5s}", ["12:9: healthcheck needs a 'test' (or 'disable: true')"]],
  ["healthcheck: {test: true1, interval: 5}", ["12:46: healthcheck.interval must be a duration such as 30s, 1m30s or 500ms, got 5"]],
  ["healthcheck: {test: x, timeout: 10q}", ["12:41: healthcheck.timeout must be a duration such as 30s, 1m30s or 500ms, got \"10q\""]],
  ["healthcheck: {test: x, disable: true}", ["12:41: healthcheck: 'disable' and 'test' cannot both be set"]],
  ["healthcheck: {test: [CMD]}", ["12:29: healthcheck.test needs a command after CMD"]],
  ["healthcheck: {test: x, retries: -1}", ["12:41: 'retries' must be an integer >= 0, got -1"]],
  ["healthcheck: {test: x, start_period: 1us}", ["12:46: healthcheck.start_period must be at least 1ms"]],
  ["init: maybe", ["12:15: 'init' must be true or false"]],
  ["stop_signal: SIGFOO", ["12:22: stop_signal must be a signal name such as SIGTERM or USR1, or a number 1-64, got \"SIGFOO\""]],
  ["stop_signal: 99", ["12:22: stop_signal must be a signal name such as SIGTERM or USR1, or a number 1-64, got 99"]],
  ["read_only: 1", ["12:20: 'read_only' must be true or false"]],
  ["shm_size: 64q", ["12:19: shm_size must be bytes or a size such as 64m or 1g, got \"64q\""]],
  ["sysctls: [net.core.somaxconn]", ["12:19: sysctl 'net.core.somaxconn' must be name=value"]],
  ["sysctls: {\"bad key\": 1}", ["12:30: invalid sysctl name 'bad key'"]],
  ["pids_limit: -2", ["12:21: pids_limit must be an integer (-1 or 0: unlimited), got -2"]],
  ["group_add: {a: 1}", ["12:20: 'group_add' must be a string or a list of strings"]],
  ["entrypoint: {a: 1}", ["12:21: 'entrypoint' must be a string (shell-split) or a list of strings"]],
  ["hostname: \"bad host\"", ["12:19: hostname 'bad host' is not a valid hostname (letters, digits, '-', '_', dot-separated)"]],
  ["domainname: -x.com", ["12:21: domainname '-x.com' is not a valid domain name (letters, digits, '-', '_', dot-separated)"]],
  ["gpus: \"count=two\"", ["12:15: gpus count must be a number or all, got 'two'"]],
  ["gpus: \"count=1,device=0\"", ["12:15: gpus: count and device cannot both be set"]],
  ["gpus: [{count: 1, device_ids: [0]}]", ["12:16: gpus: count and device_ids cannot both be set"]],
  ["gpus: -1", ["12:15: gpus count must be a non-negative integer, got -1"]],
  ["gpus: [{driver: 1}]", ["12:25: gpus driver must be a string"]],
  ["platform: \"linux amd64\"", ["12:19: platform must be os[/arch[/variant]] such as linux/amd64, got 'linux amd64'"]],
]

describe('container options (issue 16)', () => {
  describe('accepted spellings', () => {
    for (const [what, yaml, field, expected] of ACCEPTED) {
      it(what, () => {
        const text = instanceYaml(yaml).replace('ship1: {ip: 10.0.0.1}', 'ship1: {ip: 10.0.0.1, api_version: auto}')
        expect(issuesOf(text)).to.deep.equal([])
        const c = envFrom(text).containers['web-1'] as unknown as Record<string, unknown>
        expect(c[field]).to.deep.equal(expected)
      })
    }
  })

  describe('refused values, each located', () => {
    for (const [yaml, expected] of REFUSED) {
      it(yaml.replace(/\n/g, '; '), () => {
        const issues = issuesOf(instanceYaml(yaml)).map((l) => l.replace('env.yaml:', '').replace('services.web.instances.web-1: ', ''))
        expect(issues).to.deep.equal(expected)
      })
    }
  })

  it('platform is refused on a ship below API 1.41 (the daemon would ignore it)', () => {
    const text = instanceYaml('platform: linux/amd64').replace('ship1: {ip: 10.0.0.1}', 'ship1: {ip: 10.0.0.1, api_version: 1.40}')
    expect(issuesOf(text)).to.deep.equal(['env.yaml:12:19: services.web.instances.web-1: platform needs Docker API 1.41 or later, and this ship uses 1.40 (set its api_version to 1.41 or auto)'])
  })

  it('services do not take the options (as every MaestroNG container key but the six shared ones)', () => {
    expect(issuesOf(instanceYaml('', 'tmpfs: /run'))).to.deep.equal([
      "env.yaml:9:5: warning: unknown key 'tmpfs' in service web (ignored; only instances accept 'tmpfs')",
    ])
  })

  describe('parsers', () => {
    it('durations as Go and Compose write them', () => {
      expect([parseDuration('1h2m3s'), parseDuration('1.5s'), parseDuration('250ms'), parseDuration('0'), parseDuration('10'), parseDuration('s')])
        .to.deep.equal([3723e9, 1.5e9, 2.5e8, 0, undefined, undefined])
    })

    it('signals as Docker parses them', () => {
      expect(['TERM', 'sigkill', 'SIGRTMAX-2', '64', 0, 'SIGNOPE'].map(parseSignal)).to.deep.equal(['SIGTERM', 'SIGKILL', 'SIGRTMAX-2', '64', undefined, undefined])
    })

    it('RAM sizes as docker-units reads them (powers of 1024)', () => {
      expect(['512', '64k', '64kb', '1.5g', '2 m', '1t', 'x'].map(parseRamBytes)).to.deep.equal([512, 65536, 65536, 1.5 * 1024 ** 3, 2 * MiB, 1024 ** 4, undefined])
    })

    it('--gpus values', () => {
      expect(parseGpuFlag('driver=nvidia,count=all')).to.deep.equal({driver: 'nvidia', count: -1, capabilities: ['gpu']})
      expect(parseGpuFlag('bogus=1')).to.match(/unknown gpus option 'bogus'/)
    })

    it('--device values', () => {
      expect(parseDevice('/dev/a:/dev/b')).to.deep.equal({host: '/dev/a', container: '/dev/b', permissions: 'rwm'})
      expect(parseDevice('/a:/b:/c:/d')).to.match(/invalid device/)
    })
  })
})
