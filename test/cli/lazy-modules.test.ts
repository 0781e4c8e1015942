import {expect} from 'chai'
import {execFile} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {binPath, tempProject} from '../helpers/cli.js'

const run = promisify(execFile)
/** Preloaded into the binary: at exit, writes every CommonJS module file it loaded to $MAESTRO_TEST_MODULES. */
const PRELOAD = 'data:text/javascript,' + encodeURIComponent(
  'import {createRequire} from "node:module"; import {writeFileSync} from "node:fs";' +
  'process.on("exit", () => writeFileSync(process.env.MAESTRO_TEST_MODULES, Object.keys(createRequire(process.execPath).cache).join("\\n")))',
)
const HEAVY = ['docker-modem', 'ssh2', 'nunjucks']
const FILE = 'name: lazy\nships: {vm1: {ip: 127.0.0.1, docker_port: 1, timeout: 2}}\nservices:\n  a:\n    image: x\n    instances: {a-1: {ship: vm1}}\n'

describe('heavy modules stay unloaded where a command does not need them (built binary)', function () {
  this.timeout(60_000)
  let t: {dir: string; cleanup: () => void}
  before(() => (t = tempProject({'maestro.yaml': FILE})))
  after(() => t.cleanup())

  const loaded = async (...args: string[]): Promise<string[]> => {
    const list = join(t.dir, 'modules.txt')
    await run(process.execPath, ['--import', PRELOAD, binPath, ...args], {cwd: t.dir, env: {...process.env, MAESTRO_TEST_MODULES: list, NO_COLOR: '1'}}).catch(() => undefined)
    const files = readFileSync(list, 'utf8').split('\n')
    return HEAVY.filter((m) => files.some((f) => f.includes(`/node_modules/${m}/`)))
  }

  it('loads none of docker-modem, ssh2 and nunjucks for --help, validate, deptree or env', async () => {
    for (const args of [['--help'], ['validate'], ['deptree'], ['env', 'a-1']]) expect(await loaded(...args), args.join(' ')).to.deep.equal([])
  })

  it('loads docker-modem once a command talks to a ship (the probe works), but not ssh2 for a TCP ship', async () => {
    expect(await loaded('status')).to.deep.equal(['docker-modem'])
  })
})
