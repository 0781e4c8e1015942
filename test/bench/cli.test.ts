import {expect} from 'chai'
import {benchCli, generateEnvironment} from './cli.js'
import {envFrom, issuesOf} from '../helpers/model-env.js'

describe('bench/cli (figures only, never timed here)', function () {
  this.timeout(60_000)
  it('generates a valid 200-service environment, 10 dependency levels deep', () => {
    const text = generateEnvironment()
    expect(issuesOf(text)).to.deep.equal([])
    const env = envFrom(text)
    expect(Object.keys(env.services)).to.have.length(200)
    expect(env.services.svc9!.requires).to.deep.equal(['svc8'])
  })

  it('prints a line for the baseline, --help and validate, each command succeeding', () => {
    const lines = benchCli(1)
    expect(lines).to.have.length(3)
    expect(lines.map((l) => l.slice(0, 34).trim())).to.deep.equal(['node -e 0 (baseline)', 'maestro --help', 'maestro validate (200 services)'])
    for (const l of lines) expect(l).to.match(/ \d+ ms {2}median of 1$/)
  })
})
