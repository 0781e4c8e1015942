/**
 * The example at the top of docs/library.md, verbatim below this comment (test/e2e/docs/library-doc.test.ts keeps them
 * equal), so that the build type-checks what the page shows.
 */
import {openEnvironment} from 'maestro-ng'

const session = await openEnvironment('maestro.yaml')          // throws MaestroError listing every problem
try {
  session.events.on('task:end', (e) => console.log(`${e.container.name}: ${e.outcome}`))
  const started = await session.start(['web'], {withDependencies: true})  // web and its dependencies (-d)
  if (started.exitCode !== 0) console.error(started.error?.message)
  for (const [name, r] of (await session.status()).outcomes) console.log(name, r.outcome, r.detail ?? '')
  await session.stop(['web'])                                   // no -s/-a needed in the library
} finally {
  await session.close()                                         // awaits listeners, reporters and audit notifiers
}
