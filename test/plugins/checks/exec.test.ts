import {expect} from 'chai'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {createExecCheck} from '../../../plugins/checks/exec.js'
import {checkContext, FAST} from './fixture.js'

const check = createExecCheck(FAST)

/** Whether a process has ended (polled: SIGKILL is delivered at once, but teardown takes a moment). */
async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 200; i++) {
    try {
      process.kill(pid, 0)
    } catch {
      return true
    }
    await new Promise((r) => setTimeout(r, 25))
  }
  return false
}

describe('exec check', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'maestro-exec-'))
  })
  afterEach(() => rmSync(dir, {recursive: true, force: true}))

  it('passes when the command exits 0, with host env plus container env', async () => {
    const out = join(dir, 'env')
    process.env.MAESTRO_TEST_HOST_VAR = 'from-host'
    await check.run({type: 'exec', command: `sh -c 'echo "$MAESTRO_TEST_HOST_VAR $WEB_PORT [$BARE]" > ${out}'`},
      checkContext({containerEnv: {WEB_PORT: '8080', BARE: null}}))
    delete process.env.MAESTRO_TEST_HOST_VAR
    expect(readFileSync(out, 'utf8')).to.equal('from-host 8080 []\n')
  })

  it('never passes MAESTRO_SSH_PASSPHRASE to the command (either envfrom)', async () => {
    process.env.MAESTRO_SSH_PASSPHRASE = 'hunter2'
    process.env.MAESTRO_TEST_HOST_VAR = 'kept'
    try {
      for (const envfrom of ['env', 'stdin']) {
        const out = join(dir, envfrom)
        await check.run({type: 'exec', envfrom, command: `sh -c 'cat >/dev/null; echo "[$MAESTRO_SSH_PASSPHRASE] $MAESTRO_TEST_HOST_VAR" > ${out}'`}, checkContext())
        expect(readFileSync(out, 'utf8')).to.equal('[] kept\n')
      }
    } finally {
      delete process.env.MAESTRO_SSH_PASSPHRASE
      delete process.env.MAESTRO_TEST_HOST_VAR
    }
  })

  it('runs in the process cwd', async () => {
    const out = join(dir, 'cwd')
    await check.run({type: 'exec', command: ['sh', '-c', `pwd > ${out}`]}, checkContext())
    expect(readFileSync(out, 'utf8').trim()).to.equal(process.cwd())
  })

  it('gives the container env as JSON on stdin with envfrom: stdin', async () => {
    const out = join(dir, 'stdin')
    await check.run({type: 'exec', envfrom: 'stdin', command: `sh -c 'cat > ${out}; test -z "$WEB_PORT"'`},
      checkContext({containerEnv: {WEB_PORT: '8080', BARE: null}}))
    expect(JSON.parse(readFileSync(out, 'utf8'))).to.deep.equal({WEB_PORT: '8080', BARE: ''})
  })

  it('retries until the command succeeds', async () => {
    const marker = join(dir, 'count')
    const attempts: number[] = []
    await check.run({type: 'exec', attempts: 10, command: `sh -c 'echo x >> ${marker}; test $(wc -l < ${marker}) -ge 3'`}, checkContext({attempts}))
    expect(attempts).to.deep.equal([1, 2, 3])
  })

  it('fails after attempts with the exit status and last output line', async () => {
    const attempts: number[] = []
    const err = await check.run({type: 'exec', attempts: 2, command: `sh -c 'echo not yet >&2; exit 3'`}, checkContext({attempts})).catch((e: Error) => e)
    expect(attempts).to.deep.equal([1, 2])
    expect((err as Error).message).to.equal("exec check: `sh -c echo not yet >&2; exit 3` for web-1 failed after 2 attempt(s): exit status 3 (not yet)")
  })

  it('kills an attempt after its timeout, with the processes it started, and says so', async () => {
    const pidFile = join(dir, 'pid')
    const err = await check.run({type: 'exec', attempts: 1, timeout: 0.3, command: ['sh', '-c', `sleep 987 & echo $! > ${pidFile}; echo waiting; wait`]}, checkContext()).catch((e: Error) => e)
    expect((err as Error).message).to.equal(`exec check: \`sh -c sleep 987 & echo $! > ${pidFile}; echo waiting; wait\` for web-1 failed after 1 attempt(s): timed out after 0.3 s, killed (waiting)`)
    const pid = Number(readFileSync(pidFile, 'utf8'))
    expect(await gone(pid), 'the background sleep was killed too').to.equal(true)
  })

  it('fails clearly for a missing program', async () => {
    const err = await check.run({type: 'exec', attempts: 1, command: 'no-such-program-xyz'}, checkContext()).catch((e: Error) => e)
    expect((err as Error).message).to.match(/no-such-program-xyz: command not found$/)
  })

  it('kills the command and rejects promptly when aborted', async () => {
    const ac = new AbortController()
    setTimeout(() => ac.abort(new Error('container stopped')), 100)
    const started = Date.now()
    const err = await check.run({type: 'exec', command: 'sleep 30'}, checkContext({signal: ac.signal})).catch((e: Error) => e)
    expect((err as Error).message).to.equal('container stopped')
    expect(Date.now() - started).to.be.below(1000)
  })
})
