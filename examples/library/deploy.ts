/**
 * Maestro as a library: start an environment, show its status, stop and remove it, printing what happens.
 *
 *   npm run build && node dist/examples/library/deploy.js examples/lab.yaml
 *
 * A program outside this repository writes exactly the same, with `maestro-ng` installed as a dependency.
 */
import {openEnvironment, describeError, type PlayResult} from 'maestro-ng'

function summary(verb: string, result: PlayResult): string {
  const outcomes = [...result.outcomes].map(([name, r]) => `${name}=${r.status === 'ok' ? r.outcome : r.status}`)
  return `${verb}: exit ${result.exitCode}, ${result.stats.succeeded}/${result.stats.total} ok (${outcomes.join(' ')})`
}

async function main(file: string): Promise<number> {
  const session = await openEnvironment(file)
  try {
    const {environment} = session
    console.log(`environment ${environment.name}: ${Object.keys(environment.containers).length} containers on ${Object.keys(environment.ships).length} ships`)
    session.events.on('task:end', (e) => console.log(`  ${e.action} ${e.container.name} on ${e.container.ship}: ${e.outcome}`))
    session.events.on('task:fail', (e) => console.log(`  ${e.action} ${e.container.name} on ${e.container.ship}: FAILED ${e.error.message}`))

    const started = await session.start()
    console.log(summary('start', started))
    if (started.exitCode !== 0) return started.exitCode

    const status = await session.status()
    console.log(summary('status', status))

    const stopped = await session.stop()
    console.log(summary('stop', stopped))
    const cleaned = await session.clean()
    console.log(summary('clean', cleaned))
    return Math.max(stopped.exitCode, cleaned.exitCode)
  } finally {
    await session.close()
  }
}

main(process.argv[2] ?? 'maestro.yaml').then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`ERROR: ${describeError(error)}`)
    process.exitCode = typeof (error as {exit?: unknown}).exit === 'number' ? (error as {exit: number}).exit : 1
  },
)
