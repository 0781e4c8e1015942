import {expect} from 'chai'
import {runRound} from './round.js'

/** CI's short seeded round (a longer one: `npm run fuzz`, docs/validation.md). */
const SEED = 20261207
const COUNT = 600
/** Catches a hang, an alias bomb or a quadratic blow-up; generous so a loaded CI machine never trips it. */
const PER_INPUT_BOUND_MS = 60_000

describe('fuzzed environment files', function () {
  this.timeout(600_000)

  it(`loads ${COUNT} mutants of the seed corpus (seed ${SEED}): each valid or a located file:line:col error, never an exception`, async () => {
    const report = await runRound(SEED, COUNT)
    console.log(`      fuzz: tried ${report.tried} inputs: ${report.valid} valid, ${report.located} located errors; slowest ${report.slowestMs.toFixed(0)} ms`)
    expect(report.findings.map((f) => `${f.seed} + ${f.mutations.join(', ')}: ${f.why}`)).to.deep.equal([])
    expect(report.valid + report.located).to.equal(COUNT)
    expect(report.located).to.be.greaterThan(COUNT / 4)
    expect(report.slowestMs, report.slowest).to.be.below(PER_INPUT_BOUND_MS)
  })
})
