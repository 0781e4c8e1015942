/**
 * A longer fuzz round than CI's: `npm run fuzz -- [--seed N] [--count N] [--keep DIR]`.
 * Prints the figures and every finding; with --keep, writes each finding's input to DIR for test/fixtures/fuzz/.
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {parseArgs} from 'node:util'
import {runRound} from './round.js'

const {values} = parseArgs({options: {seed: {type: 'string'}, count: {type: 'string', default: '20000'}, keep: {type: 'string'}}})
const seed = values.seed === undefined ? Date.now() % 2 ** 32 : Number(values.seed)
const count = Number(values.count)
const report = await runRound(seed, count)
console.log(`fuzz: seed ${seed}, tried ${report.tried} inputs: ${report.valid} valid, ${report.located} located errors, ${report.findings.length} defects; slowest ${report.slowestMs.toFixed(0)} ms (${report.slowest})`)
if (values.keep) mkdirSync(values.keep, {recursive: true})
report.findings.forEach((f, i) => {
  console.log(`\n#${i + 1} ${f.seed} + ${f.mutations.join(', ')}\n  ${f.why}`)
  if (values.keep) {
    mkdirSync(values.keep, {recursive: true})
    writeFileSync(join(values.keep, `finding-${seed}-${i + 1}.yaml`), f.text)
  }
})
if (values.keep) writeFileSync(join(values.keep, `slowest-${seed}.yaml`), report.slowestText)
process.exitCode = report.findings.length === 0 ? 0 : 1
