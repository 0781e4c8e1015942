/** `npm run bench`: prints performance figures (never asserted). Needs root for the lab. */
import {benchCli} from './cli.js'
import {runOrchestrationBench} from './orchestration.js'

console.log('## CLI start-up')
for (const line of benchCli(7)) console.log(line)
console.log('\n## Orchestration on the lab (30 containers, 3 ships, 4 dependency levels)')
await runOrchestrationBench()
