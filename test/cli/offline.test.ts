import {expect} from 'chai'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {maestro, projectRoot, tempProject} from '../helpers/cli.js'

const example = join(projectRoot, 'examples/zookeeper-kafka.yaml')
const golden = (name: string) => readFileSync(join(projectRoot, 'test/fixtures/env', `${name}.env`), 'utf8').trim().split('\n')
const STACK = /\n\s+at .+:\d+:\d+\)?/

const BAD = `name: bad
ships:
  vm1: {ip: 127.0.0.1}
services:
  web:
    image: nginx
    instances:
      web-1: {ship: vm9}
  db:
    instances:
      db-1: {ship: vm1}
`

describe('offline commands (built binary)', function () {
  // each case spawns the built binary (~0.3-0.5 s a run, more on a loaded machine)
  this.timeout(60_000)
  describe('validate', () => {
    it('accepts -f before and after the command id', async () => {
      for (const args of [['-f', example, 'validate'], ['validate', '-f', example], ['validate', `--file=${example}`]]) {
        const r = await maestro(args)
        expect(r.stderr).to.equal('')
        expect(r.stdout.trim()).to.equal('✓ 3 services, 7 containers on 1 ship')
        expect(r.code).to.equal(0)
      }
    })

    it('reads the file named by MAESTRO_FILE, or ./maestro.yaml', async () => {
      expect((await maestro(['validate'], {env: {MAESTRO_FILE: example}})).code).to.equal(0)
      const t = tempProject({'maestro.yaml': readFileSync(example, 'utf8')})
      try {
        expect((await maestro(['validate'], {cwd: t.dir})).stdout).to.contain('✓ 3 services')
      } finally {
        t.cleanup()
      }
    })

    it('reads stdin with -f -', async () => {
      const r = await maestro(['-f', '-', 'validate'], {input: 'name: s\nships: {vm1: {ip: 127.0.0.1}}\nservices:\n  a:\n    image: x\n    instances: {a-1: {ship: vm1}}\n'})
      expect(r.stdout.trim()).to.equal('✓ 1 service, 1 container on 1 ship')
      expect(r.code).to.equal(0)
    })

    it('prints every problem as file:line:col, a summary, exit 2, and no stack trace', async () => {
      const t = tempProject({'maestro.yaml': BAD})
      try {
        const r = await maestro(['validate'], {cwd: t.dir})
        expect(r.code).to.equal(2)
        expect(r.stdout).to.equal('')
        const lines = r.stderr.trim().split('\n')
        expect(lines.filter((l) => /^\S*maestro\.yaml:\d+:\d+: /.test(l)).length).to.be.at.least(2)
        expect(r.stderr).to.match(/maestro\.yaml:8:\d+: .*vm9/)
        expect(lines.at(-1)).to.match(/^ERROR: invalid configuration: \d+ problems found$/)
        expect(r.stderr).not.to.match(STACK)
      } finally {
        t.cleanup()
      }
    })

    it('shows a stack trace with --debug or MAESTRO_DEBUG', async () => {
      const t = tempProject({'maestro.yaml': BAD})
      try {
        expect((await maestro(['validate', '--debug'], {cwd: t.dir})).stderr).to.match(STACK)
        expect((await maestro(['validate'], {cwd: t.dir, env: {MAESTRO_DEBUG: '1'}})).stderr).to.match(STACK)
        expect((await maestro(['--debug', 'validate'], {cwd: t.dir})).code).to.equal(2)
      } finally {
        t.cleanup()
      }
    })

    it('points problems of a templated file at the rendered line and shows that line', async () => {
      const t = tempProject({'maestro.yaml': '{% set n = 2 %}\nname: t\nships: {vm1: {ip: 127.0.0.1}}\nservices:\n{% for i in range(n) %}\n' +
        '  s{{ i }}:\n    image: x\n    instances: {s{{ i }}-1: {ship: vm{{ i }}}}\n{% endfor %}\n'})
      try {
        const r = await maestro(['validate'], {cwd: t.dir})
        expect(r.code).to.equal(2)
        expect(r.stderr.split('\n')).to.deep.equal([
          `${t.dir}/maestro.yaml:8:30: services.s0.instances.s0-1: unknown ship 'vm0' (did you mean 'vm1'?)`,
          '        instances: {s0-1: {ship: vm0}}',
          'ERROR: invalid configuration: 1 problem found',
          '',
        ])
      } finally {
        t.cleanup()
      }
    })

    it('prints warnings for unknown keys and still succeeds', async () => {
      const r = await maestro(['-f', '-', 'validate'], {input: 'name: s\nships: {vm1: {ip: 127.0.0.1}}\nservices:\n  a:\n    image: x\n    colour: blue\n    instances: {a-1: {ship: vm1}}\n'})
      expect(r.code).to.equal(0)
      expect(r.stderr).to.match(/:6:\d+: warning: .*colour/)
    })
  })

  describe('env', () => {
    it('prints exactly the golden environment of kafka-2 and zk-node-2', async () => {
      for (const name of ['kafka-2', 'zk-node-2', 'envtest']) {
        const r = await maestro(['-f', example, 'env', name])
        expect(r.code).to.equal(0)
        expect(r.stdout.trim().split('\n').sort()).to.deep.equal(golden(name).sort())
      }
    })

    it('prints a JSON object with --json', async () => {
      const r = await maestro(['-f', example, 'env', 'kafka-2', '--json'])
      const vars = JSON.parse(r.stdout) as Record<string, string | null>
      expect(vars.BROKER_ID).to.equal('2')
      expect(Object.keys(vars)).to.have.length(golden('kafka-2').length)
    })

    it('keeps the written order of integer-like keys and renders values as Python str()', async () => {
      const {dir, cleanup} = tempProject({
        'maestro.yaml': 'name: o\nships: {s: {ip: 10.0.0.1}}\nservices:\n  w:\n    image: busybox\n    instances:\n      w-1:\n        ship: s\n        env:\n          ZED: 1.0\n          10: ten\n          ALPHA: 9007199254740993\n          2: 2001-12-14 21:59:43.10 -5\n',
      })
      const r = await maestro(['env', 'w-1'], {cwd: dir})
      cleanup()
      expect(r.code, r.stderr).to.equal(0)
      expect(r.stdout.split('\n').slice(2, 6)).to.deep.equal(['ZED=1.0', '10=ten', 'ALPHA=9007199254740993', '2=2001-12-14 21:59:43.100000-05:00'])
    })

    it('keeps the written order of integer-like keys in --json output and of containers in dump', async () => {
      const {dir, cleanup} = tempProject({
        'maestro.yaml': 'name: o\nships: {s: {ip: 10.0.0.1}}\nservices:\n  w:\n    image: busybox\n    env: {ZED: 1.0, 10: ten, yes: 2}\n    instances:\n      w-2: {ship: s}\n      10: {ship: s}\n',
      })
      const env = await maestro(['env', '--json', 'w-2'], {cwd: dir})
      const dump = await maestro(['dump'], {cwd: dir})
      cleanup()
      expect(env.code, env.stderr).to.equal(0)
      expect(env.stdout).to.match(/"ZED": "1\.0",\n {2}"10": "ten",\n {2}"True": "2",\n {2}"MAESTRO_ENVIRONMENT_NAME"/)
      expect(dump.code, dump.stderr).to.equal(0)
      const containers = (JSON.parse(dump.stdout) as {containers: {name: string}[]}).containers.map((c) => c.name)
      expect(containers).to.deep.equal(['w-2', '10'])
      expect(dump.stdout.indexOf('"ZED"')).to.be.below(dump.stdout.indexOf('"10": "ten"'))
    })

    it('rejects an unknown container with a did-you-mean, exit 2', async () => {
      const r = await maestro(['-f', example, 'env', 'kafak-1'])
      expect(r.code).to.equal(2)
      expect(r.stderr.trim()).to.equal("ERROR: kafak-1 is not a container of zk-kafka (did you mean 'kafka-1'?)")
      const service = await maestro(['-f', example, 'env', 'kafka'])
      expect(service.stderr.trim()).to.equal('ERROR: kafka is not a container of zk-kafka (it is a service; its containers are kafka-1, kafka-2, kafka-3)')
    })
  })

  describe('deptree', () => {
    it('draws each service with its dependencies', async () => {
      const r = await maestro(['-f', example, 'deptree', 'kafka'])
      expect(r.code).to.equal(0)
      expect(r.stdout).to.equal('kafka\n \\- zookeeper\n')
    })

    it('repeats shared dependencies with -r (file from stdin)', async () => {
      const input = 'name: d\nships: {vm1: {ip: 127.0.0.1}}\nservices:\n  c: {image: x, instances: {c-1: {ship: vm1}}}\n' +
        '  b: {image: x, requires: [c], instances: {b-1: {ship: vm1}}}\n  a: {image: x, requires: [b, c], instances: {a-1: {ship: vm1}}}\n'
      const once = await maestro(['-f', '-', 'deptree', 'a'], {input})
      expect(once.code, once.stderr).to.equal(0)
      expect(once.stdout).to.equal('a\n +- b\n \\- c\n')
      for (const flag of ['-r', '--recursive']) {
        const r = await maestro(['-f', '-', 'deptree', flag, 'a-1'], {input})
        expect(r.stdout).to.equal('a\n +- b\n |  \\- c\n \\- c\n')
      }
    })

    it('names the closest thing for a typo', async () => {
      const r = await maestro(['-f', example, 'deptree', 'kafak'])
      expect(r.code).to.equal(2)
      expect(r.stderr.trim()).to.equal('ERROR: kafak is neither a service nor a container! (did you mean kafka?)')
    })
  })

  describe('dump', () => {
    it('prints the containers with their dependencies as JSON on stdout', async () => {
      const r = await maestro(['-f', example, 'dump'])
      expect(r.code).to.equal(0)
      const out = JSON.parse(r.stdout) as {containers: {name: string; dependencies: string[]}[]; config?: unknown}
      const names = out.containers.map((c) => c.name)
      expect(names).to.include.members(['zk-node-1', 'kafka-3'])
      expect(names).not.to.include('envtest')
      expect(out.containers.find((c) => c.name === 'kafka-1')!.dependencies).to.have.members(['zk-node-1', 'zk-node-2', 'zk-node-3'])
      expect(out.config).to.equal(undefined)
    })

    it('includes dependencies of the given things, and the parsed config with -c', async () => {
      const r = await maestro(['-f', example, 'dump', '-c', 'kafka-1'])
      const out = JSON.parse(r.stdout) as {containers: {name: string}[]; config: {name: string}}
      expect(out.containers.map((c) => c.name)).to.have.members(['kafka-1', 'zk-node-1', 'zk-node-2', 'zk-node-3'])
      expect(out.config.name).to.equal('zk-kafka')
    })
  })
})
