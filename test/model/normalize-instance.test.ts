import {expect} from 'chai'
import {web1} from '../helpers/model-env.js'

const GiB = 1024 ** 3
const MiB = 1024 ** 2

/** [description, instance YAML, field of the Container, expected value] */
const CASES: Array<[string, string, string, unknown]> = [
  ['image defaults to the service image', '', 'image', 'nginx:1.25'],
  ['image overrides the service image', 'image: nginx:canary', 'image', 'nginx:canary'],
  ['command as a string', 'command: "nginx -g daemon"', 'command', 'nginx -g daemon'],
  ['command as a list', 'command: [nginx, -g]', 'command', ['nginx', '-g']],
  ['cmd is an alias of command', 'cmd: run.sh', 'command', 'run.sh'],
  ['ports default to none', '', 'ports', []],
  ['a numeric port', 'ports: {http: 80}', 'ports', [{name: 'http', exposed: '80', exposedProtocol: 'tcp', external: '80', externalProtocol: 'tcp', bindIp: '0.0.0.0'}]],
  ['exposed:external order', 'ports: {http: "80:18081"}', 'ports', [{name: 'http', exposed: '80', exposedProtocol: 'tcp', external: '18081', externalProtocol: 'tcp', bindIp: '0.0.0.0'}]],
  ['udp on both sides', 'ports: {dns: "53/udp:5353/udp"}', 'ports', [{name: 'dns', exposed: '53', exposedProtocol: 'udp', external: '5353', externalProtocol: 'udp', bindIp: '0.0.0.0'}]],
  ['a host range', 'ports: {r: "1234:1234-1236"}', 'ports', [{name: 'r', exposed: '1234', exposedProtocol: 'tcp', external: '1234-1236', externalProtocol: 'tcp', bindIp: '0.0.0.0'}]],
  ['dict form with [ip, port]', 'ports: {s: {exposed: 53/udp, external: [192.168.10.2, 5353/udp]}}', 'ports', [{name: 's', exposed: '53', exposedProtocol: 'udp', external: '5353', externalProtocol: 'udp', bindIp: '192.168.10.2'}]],
  ['env map kept raw', 'env: {A: 1, B: yes, C: [x, 2], D: null, E: str}', 'env', {A: 1, B: true, C: ['x', 2], D: null, E: 'str'}],
  ['envfile string', 'envfile: a.env', 'envfiles', ['a.env']],
  ['envfile nested list flattened', 'envfile: [a.env, [b.env, c.env]]', 'envfiles', ['a.env', 'b.env', 'c.env']],
  ['volumes string form (schema 2: host: target)', 'volumes: {/srv/data: /data}', 'volumes', [{host: '/srv/data', target: '/data'}]],
  ['volumes dict form', 'volumes: {/srv/conf: {target: /etc/conf, mode: "ro,Z"}}', 'volumes', [{host: '/srv/conf', target: '/etc/conf', mode: 'ro,Z'}]],
  ['volumes dict form default mode rw', 'volumes: {/srv/conf: {target: /etc/conf}}', 'volumes', [{host: '/srv/conf', target: '/etc/conf', mode: 'rw'}]],
  ['container_volumes string', 'container_volumes: /cache', 'containerVolumes', ['/cache']],
  ['container_volumes list', 'container_volumes: [/a, /b]', 'containerVolumes', ['/a', '/b']],
  ['username', 'username: www', 'username', 'www'],
  ['numeric username', 'username: 1000', 'username', '1000'],
  ['workdir', 'workdir: /app', 'workdir', '/app'],
  ['privileged default false', '', 'privileged', false],
  ['privileged', 'privileged: true', 'privileged', true],
  ['cap_add', 'cap_add: [NET_ADMIN]', 'capAdd', ['NET_ADMIN']],
  ['cap_drop', 'cap_drop: [MKNOD]', 'capDrop', ['MKNOD']],
  ['security_opt', 'security_opt: ["label:disable"]', 'securityOpt', ['label:disable']],
  ['extra_hosts ip', 'extra_hosts: {db: 10.1.1.1}', 'extraHosts', {db: '10.1.1.1'}],
  ['extra_hosts ship reference', 'extra_hosts: {other: {ship: ship2}}', 'extraHosts', {other: '10.0.0.2'}],
  ['net', 'net: host', 'net', 'host'],
  ['dns string', 'dns: 8.8.8.8', 'dns', ['8.8.8.8']],
  ['dns list', 'dns: [8.8.8.8, 1.1.1.1]', 'dns', ['8.8.8.8', '1.1.1.1']],
  ['restart default no', '', 'restart', {name: 'no', maximumRetryCount: 0}],
  ['restart YAML 1.1 no (false)', 'restart: no', 'restart', {name: 'no', maximumRetryCount: 0}],
  ['restart always', 'restart: always', 'restart', {name: 'always', maximumRetryCount: 0}],
  ['restart unless-stopped', 'restart: unless-stopped', 'restart', {name: 'unless-stopped', maximumRetryCount: 0}],
  ['restart on-failure:3', 'restart: "on-failure:3"', 'restart', {name: 'on-failure', maximumRetryCount: 3}],
  ['restart dict', 'restart: {name: on-failure, retries: 5}', 'restart', {name: 'on-failure', maximumRetryCount: 5}],
  ['stop_timeout default 10', '', 'stopTimeout', 10],
  ['stop_timeout', 'stop_timeout: 3', 'stopTimeout', 3],
  ['limits k/m/g in powers of 1024', 'limits: {cpu: 512, memory: 512m, swap: 1G}', 'limits', {cpu: 512, memory: 512 * MiB, swap: GiB}],
  ['limits digit strings and ints', 'limits: {memory: "1048576", swap: -1}', 'limits', {memory: 1048576, swap: -1}],
  ['limits kilobytes', 'limits: {memory: 64k}', 'limits', {memory: 65536}],
  ['ulimits int', 'ulimits: {nofile: 1024}', 'ulimits', [{name: 'nofile', soft: 1024, hard: 1024}]],
  ['ulimits soft/hard', 'ulimits: {nproc: {soft: 10, hard: 20}}', 'ulimits', [{name: 'nproc', soft: 10, hard: 20}]],
  ['log_driver', 'log_driver: syslog', 'logDriver', 'syslog'],
  ['log_opt values become strings', 'log_opt: {max-size: 10, compress: true}', 'logOpt', {'max-size': '10', compress: 'True'}],
  ['labels map', 'labels: {a: b, num: 1}', 'labels', {a: 'b', num: '1'}],
  ['labels list a=b and bare', 'labels: [a=b, bare]', 'labels', {a: 'b', bare: ''}],
  ['lxc_conf', 'lxc_conf: {lxc.x: 1}', 'lxcConf', {'lxc.x': '1'}],
  ['lifecycle', 'lifecycle: {running: [{type: tcp, port: http}]}', 'lifecycle', {running: [{type: 'tcp', port: 'http'}]}],
]

describe('normalizeEnvironment (instance keys)', () => {
  for (const [what, yaml, field, expected] of CASES) {
    it(what, () => {
      const c = web1(yaml)
      expect((c as unknown as Record<string, unknown>)[field]).to.deep.equal(expected)
    })
  }
})
