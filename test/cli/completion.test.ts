import {expect} from 'chai'
import {spawnSync} from 'node:child_process'
import {chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {binPath, maestro, projectRoot} from '../helpers/cli.js'

const KAFKA = 'test/fixtures/completion/shop.yaml'

describe('completion (built binary)', () => {
  let bash = ''
  let shimDir = ''

  before(async () => {
    const r = await maestro(['completion', 'bash'])
    expect(r.code).to.equal(0)
    bash = r.stdout
    shimDir = mkdtempSync(join(tmpdir(), 'maestro-completion-'))
    writeFileSync(join(shimDir, 'maestro'), `#!/bin/sh\nexec "${process.execPath}" "${binPath}" "$@"\n`)
    chmodSync(join(shimDir, 'maestro'), 0o755)
    writeFileSync(join(shimDir, 'completion.bash'), bash)
    writeFileSync(join(shimDir, '_maestro'), (await maestro(['completion', 'zsh'])).stdout)
  })

  /** What the bash script offers for the command line `words` (the last word is the one being completed). */
  function complete(...words: string[]): string[] {
    return completeIn({}, ...words)
  }

  /** The same, run in `cwd` (default the project root) with extra environment variables. */
  function completeIn(where: {cwd?: string; env?: Record<string, string>}, ...words: string[]): string[] {
    const script = [
      `source ${JSON.stringify(join(shimDir, 'completion.bash'))}`,
      `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')})`,
      `COMP_CWORD=${words.length - 1}`,
      '_maestro',
      'printf "%s\\n" "${COMPREPLY[@]}"',
    ].join('\n')
    const r = spawnSync('bash', ['--norc', '--noprofile', '-c', script], {cwd: where.cwd ?? projectRoot, env: {...process.env, PATH: `${shimDir}:${process.env.PATH}`, MAESTRO_FILE: '', ...where.env}, encoding: 'utf8'})
    expect(r.stderr).to.equal('')
    return r.stdout.split('\n').filter((l) => l !== '').sort()
  }

  it('prints a bash script that knows every command and parses', () => {
    for (const c of ['start', 'status', 'stop', 'restart', 'clean', 'deptree', 'env', 'plugins', 'completion']) {
      expect(bash).to.match(new RegExp(`"".*\\b${c}\\b`))
    }
    expect(bash).to.contain('complete -F _maestro maestro')
    expect(bash).to.not.match(/"completion"\) echo "[^"]*names/, 'the hidden names command is not offered')
    expect(bash).to.contain('completion names --kind')
    const r = spawnSync('bash', ['-n'], {input: bash, encoding: 'utf8'})
    expect(r.status, r.stderr).to.equal(0)
  })

  it('prints a zsh script with the commands and their summaries', async () => {
    const r = await maestro(['completion', 'zsh'])
    expect(r.code).to.equal(0)
    expect(r.stdout.split('\n')[0]).to.equal('#compdef maestro')
    expect(r.stdout).to.match(/'start:[^']+'/)
    expect(r.stdout).to.match(/'status:[^']+'/)
    expect(r.stdout).to.contain('compdef _maestro maestro')
    const check = spawnSync('zsh', ['-n', join(shimDir, '_maestro')], {encoding: 'utf8'})
    expect(check.status, check.stderr).to.equal(0)
  })

  it('offers the same words in a real zsh (completion builtins recorded)', () => {
    // compadd/_describe/_files only work inside zle; these stand-ins print what the script offers.
    const stubs = [
      'compdef() { :; }',
      'compadd() { [[ $1 == -- ]] && shift; for w in "$@"; do [[ $w == ${PREFIX}* ]] && print -r -- $w; done }',
      '_describe() { local arr=${@[-1]}; for l in "${(@P)arr}"; do [[ $l == ${PREFIX}* ]] && print -r -- ${l%%:*}; done }',
      '_files() { print -r -- "<files>" }',
      `source ${JSON.stringify(join(shimDir, '_maestro'))}`,
    ]
    const zsh = (...words: string[]): string[] => {
      const script = [...stubs, `words=(${words.map((w) => `'${w}'`).join(' ')})`, `CURRENT=${words.length}`, 'PREFIX=${words[CURRENT]}', '_maestro'].join('\n')
      const r = spawnSync('zsh', ['-f', '-c', script], {cwd: projectRoot, env: {...process.env, PATH: `${shimDir}:${process.env.PATH}`, MAESTRO_FILE: ''}, encoding: 'utf8'})
      expect(r.stderr).to.equal('')
      return r.stdout.split('\n').filter((l) => l !== '').sort()
    }
    expect(zsh('maestro', 'st')).to.deep.equal(['start', 'status', 'stop'])
    expect(zsh('maestro', '-f', KAFKA, 'start', 'kafka')).to.deep.equal(['kafka', 'kafka-1', 'kafka-2', 'kafka-3'])
    expect(zsh('maestro', 'status', '--progress', '')).to.deep.equal(['auto', 'plain', 'tty'])
    expect(zsh('maestro', '-f', '')).to.deep.equal(['<files>'])
    expect(zsh('maestro', 'plugins', 'install', '-f', ''), 'plugins install -f is --force').to.deep.equal([])
  })

  it('lists services and instances of a file, quickly and without Docker (hidden `completion names`)', async () => {
    const things = await maestro(['completion', 'names', '-f', KAFKA])
    expect(things.code).to.equal(0)
    expect(things.stdout.trim().split('\n')).to.deep.equal([
      'zookeeper', 'kafka', 'envtest', 'zk-node-1', 'zk-node-2', 'zk-node-3', 'kafka-1', 'kafka-2', 'kafka-3',
    ])
    const containers = await maestro(['completion', 'names', '--kind', 'containers', '-f', KAFKA])
    expect(containers.stdout).to.not.contain('zookeeper\n')
    expect(containers.stdout).to.contain('zk-node-1\n')
  })

  it('stays silent on a missing or broken file', async () => {
    const missing = await maestro(['completion', 'names', '-f', 'no/such/file.yaml'])
    expect([missing.code, missing.stdout, missing.stderr]).to.deep.equal([0, '', ''])
    const dir = mkdtempSync(join(tmpdir(), 'maestro-broken-'))
    writeFileSync(join(dir, 'maestro.yaml'), 'services: [not: {closed\n')
    const broken = await maestro(['completion', 'names'], {cwd: dir})
    expect([broken.code, broken.stdout]).to.deep.equal([0, ''])
  })

  it('completes `maestro st` to start status stop in a real bash', () => {
    expect(complete('maestro', 'st')).to.deep.equal(['start', 'status', 'stop'])
  })

  it('completes container and service names from the file given with -f', () => {
    expect(complete('maestro', '-f', KAFKA, 'start', 'kafka')).to.deep.equal(['kafka', 'kafka-1', 'kafka-2', 'kafka-3'])
    expect(complete('maestro', 'stop', '-f', KAFKA, '-c', '2', 'zk-node-')).to.deep.equal(['zk-node-1', 'zk-node-2', 'zk-node-3'])
    expect(complete('maestro', '-f', KAFKA, 'env', 'zoo'), 'env takes containers only').to.deep.equal([])
  })

  it('completes names from ./maestro.yaml without -f, and from MAESTRO_FILE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maestro-completion-cwd-'))
    writeFileSync(join(dir, 'maestro.yaml'), readFileSync(join(projectRoot, KAFKA), 'utf8'))
    expect(completeIn({cwd: dir}, 'maestro', 'start', 'zk-')).to.deep.equal(['zk-node-1', 'zk-node-2', 'zk-node-3'])
    expect(completeIn({cwd: shimDir}, 'maestro', 'start', 'zk-'), 'no maestro.yaml here').to.deep.equal([])
    expect(completeIn({cwd: shimDir, env: {MAESTRO_FILE: join(dir, 'maestro.yaml')}}, 'maestro', 'restart', 'kafka-')).to.deep.equal(['kafka-1', 'kafka-2', 'kafka-3'])
    rmSync(dir, {recursive: true, force: true})
  })

  it('never runs what a name in the file says when completing it (names Docker refuses are not offered)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maestro-completion-inject-'))
    const marker = join(dir, 'PWNED')
    writeFileSync(
      join(dir, 'maestro.yaml'),
      [
        'name: inject',
        'ships: {s1: {ip: 127.0.0.1}}',
        'services:',
        `  "$(touch ${marker})": {image: x, instances: {"\`touch ${marker}\`": {ship: s1}}}`,
        `  "web;touch ${marker}": {image: x, instances: {web-1: {ship: s1}, "w 2": {ship: s1}}}`,
      ].join('\n'),
    )
    expect(completeIn({cwd: dir}, 'maestro', 'start', '')).to.include('web-1').and.not.include('w')
    expect(completeIn({cwd: dir}, 'maestro', 'start', '$')).to.deep.equal([])
    expect(existsSync(marker), 'no command ran').to.equal(false)
    rmSync(dir, {recursive: true, force: true})
  })

  it('reads -f as the command\'s own flag where it has one (`plugins install -f` is --force)', () => {
    expect(complete('maestro', 'plugins', 'install', '-f', '')).to.deep.equal([])
    expect(complete('maestro', '-f', KAFKA, 'plugins', 'install', '-f', '--v')).to.deep.equal(['--verbose', '--version'])
    expect(complete('maestro', '-f', KAFKA, 'start', 'zk-')).to.deep.equal(['zk-node-1', 'zk-node-2', 'zk-node-3'])
  })

  it('completes flags, flag values, topics and fixed arguments', () => {
    expect(complete('maestro', 'start', '--con')).to.deep.equal(['--concurrency', '--container-filter', '--converge'])
    expect(complete('maestro', 'status', '--progress', '')).to.deep.equal(['auto', 'plain', 'tty'])
    expect(complete('maestro', 'status', '--j')).to.deep.equal(['--json'])
    expect(complete('maestro', 'plugins', 'li')).to.deep.equal(['link'])
    expect(complete('maestro', 'completion', '')).to.deep.equal(['bash', 'zsh'])
  })
})
