/** `npm run bench`: prints performance figures (never asserted). Needs root for the lab. */
import {benchCli} from './cli.js'
import {benchFleet, benchStartup} from './fleet.js'
import {runOrchestrationBench} from './orchestration.js'
import {printSshBench, runSshBench} from './ssh.js'

console.log('## CLI start-up')
for (const line of benchCli(7)) console.log(line)
for (const line of await benchStartup()) console.log(line)
console.log('\n## Simulated fleet (fake daemons on loopback: request 50 ms, create 60, start 120, stop 100, remove 30)')
for (const line of await benchFleet()) console.log(line)
console.log('\n## Orchestration on the lab (30 containers, 3 ships, 4 dependency levels)')
await runOrchestrationBench()
console.log('\n## SSH next to TCP (Docker API calls and SSH connections per ship, per command)')
console.log(printSshBench(await runSshBench(4), ['ship1', 'ship2', 'ship3']))
