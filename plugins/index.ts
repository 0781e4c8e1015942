import type {MaestroPlugin} from '../src/api/index.js'

/**
 * The built-in plugins, importable without oclif (the library API boots a kernel with them).
 * Each entry imports its module lazily so a command only pays for what it uses.
 */
export const builtinPlugins = async (): Promise<MaestroPlugin[]> => {
  const modules: {default: MaestroPlugin}[] = await Promise.all([
    import('./loader-yaml/index.js'),
    import('./transport-ssh/index.js'),
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

/**
 * The `maestro:plugins` oclif hook of the CLI's own package: the built-in plugins.
 * Third-party packages declare the same hook; the kernel discovers both the same way.
 */
export const plugins = builtinPlugins
