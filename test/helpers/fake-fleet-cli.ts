/** Runs the built binary against the fake-fleet plugin (test/cli/fake-fleet-plugin.ts) linked into a project dir. */
import {join} from 'node:path'
import type {FleetConfig} from '../cli/fake-fleet-plugin.js'
import {linkPluginModule, projectRoot, type CliOptions} from './cli.js'

/** Links the fake fleet into `<dir>/data`, as `maestro plugins link` would. */
export function linkFakeFleet(dir: string): void {
  linkPluginModule(join(dir, 'data'), 'maestro-test-fleet', join(projectRoot, 'dist/test/cli/fake-plugin-hook.js'))
}

/** Options to run in `dir` with the linked fake fleet configured as `fleet`. */
export const fakeFleetOptions = (dir: string, fleet: FleetConfig): CliOptions => ({
  cwd: dir,
  env: {XDG_DATA_HOME: join(dir, 'data'), OCLIF_DISABLE_LINKED_ESM_WARNING: '1', MAESTRO_TEST_FLEET: JSON.stringify(fleet)},
})
