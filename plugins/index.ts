import type {MaestroPlugin} from '../src/api/index.js'

/**
 * The `maestro:plugins` oclif hook of the CLI's own package: the built-in plugins.
 * Third-party packages declare the same hook; the kernel discovers both the same way.
 * Each entry imports its module lazily so a command only pays for what it uses.
 */
export const plugins = async (): Promise<MaestroPlugin[]> => {
  const modules: {default: MaestroPlugin}[] = await Promise.all([
    import('./loader-yaml/index.js'),
    import('./transport-docker/index.js'),
    import('./scheduler-dag/index.js'),
    import('./reporter-console/index.js'),
    import('./reporter-json/index.js'),
    import('./reporter-junit/index.js'),
    import('./reporter-github/index.js'),
    import('./checks/index.js'),
    import('./notifiers/index.js'),
  ])
  return modules.map((m) => m.default)
}
