import {expect} from 'chai'
import {envFrom, instanceYaml, issuesOf, web1} from '../helpers/model-env.js'

const SHIPS = `
ship_defaults: {docker_port: 4243, timeout: 30, api_version: auto, known_hosts: /etc/kh}
ships:
  plain: {ip: 10.0.0.1}
  tls: {ip: 10.0.0.2, endpoint: docker.example, tls: true, tls_verify: true, tls_ca_cert: ca.pem, tls_cert: c.pem, tls_key: k.pem, ssl_version: TLSv1_2, docker_port: null}
  sock: {ip: 10.0.0.3, socket_path: /var/run/docker.sock, api_version: 1.41, docker_socket: /run/d.sock}
  tunnel: {ip: 10.0.0.4, ssh_tunnel: {user: ops, key: ~/.ssh/id}}
`

describe('normalizeEnvironment (top level and ships)', () => {
  it('applies the ship defaults of reference §2.3', () => {
    const env = envFrom('name: e\nships: {s: {ip: 1.2.3.4}}\nservices: {}\n')
    expect(env.ships.s).to.deep.include({name: 's', ip: '1.2.3.4', endpoint: '1.2.3.4', dockerPort: 2375, apiVersion: '1.18', timeout: 5, tls: false, tlsVerify: true, extra: {}})
    expect(env.ships.s.sshTunnel).to.equal(undefined)
    expect(env.ships.s.loc).to.deep.equal({file: '/env/maestro.yaml', line: 2, column: 9})
  })

  it('verifies TLS certificates unless tls_verify is false', () => {
    const env = envFrom('name: e\nships: {a: {ip: h, tls: true, tls_ca_cert: ca.pem}, b: {ip: h, tls: true, tls_verify: false}}\nservices: {}\n')
    expect(env.ships.a.tlsVerify).to.equal(true)
    expect(env.ships.b.tlsVerify).to.equal(false)
  })

  it('uses 2376 with tls, and ship_defaults for every key but ip and endpoint', () => {
    const env = envFrom(`name: e\n${SHIPS}services: {}\n`)
    expect(env.ships.plain).to.deep.include({dockerPort: 4243, timeout: 30, apiVersion: 'auto', extra: {known_hosts: '/etc/kh'}})
    expect(env.ships.tls).to.deep.include({endpoint: 'docker.example', dockerPort: 2376, tls: true, tlsVerify: true, tlsCaCert: 'ca.pem', tlsCert: 'c.pem', tlsKey: 'k.pem', sslVersion: 'TLSv1_2'})
    expect(env.ships.sock).to.deep.include({socketPath: '/var/run/docker.sock', apiVersion: '1.41', extra: {known_hosts: '/etc/kh', docker_socket: '/run/d.sock'}})
    expect(env.ships.tunnel.sshTunnel).to.deep.equal({user: 'ops', key: '~/.ssh/id', port: 22})
  })

  it('keeps a float api_version as written (1.40 stays 1.40, not 1.4)', () => {
    const env = envFrom('name: e\nship_defaults: {api_version: 1.40}\nships:\n  a: {ip: h}\n  b: {ip: h, api_version: 1.24}\nservices: {}\n')
    expect([env.ships.a.apiVersion, env.ships.b.apiVersion]).to.deep.equal(['1.40', '1.24'])
  })

  it('uses the TLS port when tls is on and no port is given', () => {
    expect(envFrom('name: e\nships: {s: {ip: h, tls: true}}\nservices: {}\n').ships.s.dockerPort).to.equal(2376)
  })

  it('defaults the schema to 1 and reads volumes the old way', () => {
    const env = envFrom('name: e\nships: {s: {ip: h}}\nservices:\n  a:\n    image: i\n    instances:\n      a-1: {ship: s, volumes: {/data: /srv/data}}\n')
    expect(env.schema).to.equal(1)
    expect(env.containers['a-1'].volumes).to.deep.equal([{host: '/srv/data', target: '/data'}])
  })

  it('reads registries with the retry default, audit entries and plugin options', () => {
    const env = envFrom(`name: e
ships: {s: {ip: h}}
services: {}
registries:
  quay: {registry: https://quay.io, username: u, password: p, email: e@x}
  local: {registry: 'localhost:5000', retry: {attempts: 5, when: [502, 503]}}
audit:
  - {type: log, file: /tmp/a.log}
  - {type: slack, level: debug, ignore_errors: true}
plugins:
  maestro-reporter-json: {pretty: true}
`)
    expect(env.registries.quay).to.deep.equal({name: 'quay', registry: 'https://quay.io', username: 'u', password: 'p', email: 'e@x', retry: {attempts: 3, when: []}})
    expect(env.registries.local.retry).to.deep.equal({attempts: 5, when: [502, 503]})
    expect(env.audit[0]).to.deep.include({type: 'log', level: 'info', ignoreErrors: false, file: '/tmp/a.log'})
    expect(env.audit[1]).to.deep.include({type: 'slack', level: 'debug', ignoreErrors: true})
    expect(env.plugins).to.deep.equal({'maestro-reporter-json': {pretty: true}})
  })

  it('keeps names, files and file order', () => {
    const env = envFrom(instanceYaml('', ''))
    expect(env).to.deep.include({name: 'test', file: '/env/maestro.yaml', baseDir: '/env', schema: 2})
    expect(env.services.web).to.deep.include({name: 'web', image: 'nginx:1.25', requires: [], wantsInfo: [], omit: false, instances: ['web-1']})
  })

  it('reads service requires, wants_info and omit', () => {
    const env = envFrom(`name: e
ships: {s: {ip: h}}
services:
  db: {image: pg, omit: yes, instances: {db-1: {ship: s}}}
  web: {image: nginx, requires: db, wants_info: [db], instances: {web-1: {ship: s}}}
`)
    expect(env.services.web).to.deep.include({requires: ['db'], wantsInfo: ['db']})
    expect(env.services.db.omit).to.equal(true)
  })
})

describe('normalizeEnvironment (service-level merge)', () => {
  const service = `
ports: {http: 80, admin: 9000}
limits: {memory: 1g, cpu: 2}
env: {A: service, B: service}
envfile: svc.env
lifecycle:
  running: [{type: tcp, port: http}]
`
  it('merges ports per name with the instance winning, in service order', () => {
    const c = web1('ports: {admin: "9000:19000", extra: 5000}', service)
    expect(c.ports.map((p) => `${p.name}=${p.exposed}:${p.external}`)).to.deep.equal(['http=80:80', 'admin=9000:19000', 'extra=5000:5000'])
  })

  it('merges limits per key with the instance winning', () => {
    expect(web1('limits: {memory: 2g}', service).limits).to.deep.equal({memory: 2 * 1024 ** 3, cpu: 2})
  })

  it('keeps service env and envfiles apart from the instance ones (precedence is the env computation\'s)', () => {
    const c = web1('env: {B: instance}\nenvfile: inst.env', service)
    expect(c.serviceEnv).to.deep.equal({A: 'service', B: 'service'})
    expect(c.env).to.deep.equal({B: 'instance'})
    expect(c.serviceEnvfiles).to.deep.equal(['svc.env'])
    expect(c.envfiles).to.deep.equal(['inst.env'])
  })

  it('concatenates lifecycle lists service-first, without leaking between instances', () => {
    const env = envFrom(`name: e
ships: {s: {ip: h}}
services:
  web:
    image: nginx
    lifecycle: {running: [{type: tcp, port: http}]}
    instances:
      web-1: {ship: s, lifecycle: {running: [{type: http, port: http}]}}
      web-2: {ship: s}
`)
    expect(env.containers['web-1'].lifecycle.running).to.deep.equal([{type: 'tcp', port: 'http'}, {type: 'http', port: 'http'}])
    expect(env.containers['web-2'].lifecycle.running).to.deep.equal([{type: 'tcp', port: 'http'}])
    expect(env.containers['web-1'].lifecycle.running?.[0]).not.to.equal(env.containers['web-2'].lifecycle.running?.[0])
  })

  it('resolves links, volumes_from and extra_hosts between instances', () => {
    const env = envFrom(`name: e
ships: {s: {ip: 10.9.9.9}}
services:
  data: {image: busybox, instances: {data-1: {ship: s, container_volumes: /data}}}
  web: {image: nginx, instances: {web-1: {ship: s, volumes_from: [data-1], links: {data-1: db}, extra_hosts: {me: {ship: s}}}}}
`)
    expect(env.containers['web-1']).to.deep.include({volumesFrom: ['data-1'], links: {'data-1': 'db'}, extraHosts: {me: '10.9.9.9'}})
  })
})

describe('normalizeEnvironment (list forms)', () => {
  it('accepts extra_hosts and links as lists', () => {
    const env = envFrom(`name: e
ships: {s: {ip: h}}
services:
  web:
    image: nginx
    instances:
      web-1: {ship: s, extra_hosts: ['db:10.0.0.9'], links: [web-2, 'web-3:alias']}
      web-2: {ship: s}
      web-3: {ship: s}
`)
    expect(env.containers['web-1']).to.deep.include({extraHosts: {db: '10.0.0.9'}, links: {'web-2': 'web-2', 'web-3': 'alias'}})
  })
})

describe('normalizeEnvironment (warnings)', () => {
  it('warns about unknown keys, but not _-keys or anchor holders', () => {
    const text = instanceYaml('foo: 1\n_private: 2\n', '') + 'x-defaults: &defaults {a: 1}\n_globals: {b: 2}\nbogus: 3\n'
    expect(issuesOf(text)).to.deep.equal([
      "env.yaml:12:9: warning: unknown key 'foo' in instance web-1 (ignored)",
      "env.yaml:16:1: warning: unknown key 'bogus' in the top level (ignored)",
    ])
  })

  it('suggests the key meant and names keys upstream does not support', () => {
    expect(issuesOf(instanceYaml('volums: {}\nipc: host\nimage: i', 'command: x'))).to.deep.equal([
      "env.yaml:9:5: warning: unknown key 'command' in service web (ignored; only instances accept 'command')",
      "env.yaml:13:9: warning: unknown key 'volums' in instance web-1 (ignored; did you mean 'volumes'?)",
      "env.yaml:14:9: warning: unknown key 'ipc' in instance web-1 (ignored; not supported by MaestroNG)",
    ])
  })

  it('warns that ship_defaults cannot set ip or endpoint, and about likely typos of ship keys only', () => {
    expect(issuesOf('name: e\nship_defaults: {ip: 1.1.1.1, docker_prot: 1, known_hosts: /k}\nships: {s: {ip: h}}\nservices: {}\n')).to.deep.equal([
      "env.yaml:2:17: warning: ship_defaults: 'ip' cannot be set here, only per ship (ignored)",
      "env.yaml:2:30: warning: unknown key 'docker_prot' in ship_defaults (did you mean 'docker_port'?)",
    ])
  })

  it('warns when both command and cmd are set', () => {
    expect(issuesOf(instanceYaml('command: a\ncmd: b'))).to.deep.equal([
      "env.yaml:13:9: warning: services.web.instances.web-1: both 'command' and its deprecated alias 'cmd' are set; 'command' wins",
    ])
  })

  it('returns the environment when there are only warnings', () => {
    expect(envFrom(instanceYaml('foo: 1')).containers['web-1'].ship).to.equal('ship1')
  })
})
