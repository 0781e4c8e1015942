import {Args, Flags} from '@oclif/core'
import {MaestroCommand} from '../cli/base-command.js'
import {selectThings} from '../cli/selection.js'
import {orderedJson} from '../text/ordered-json.js'

export default class Dump extends MaestroCommand {
  static override summary = 'Print the containers (and optionally the parsed file) as JSON'
  static override description = `Writes JSON to stdout (upstream wrote to stderr): {"containers": [...]}, each container with its normalized configuration and "dependencies" (the containers of the services it depends on). With -c the parsed configuration is included as "config". Dependencies of the given things are always included, as upstream does.`

  static override strict = false
  static override args = {things: Args.string({ignoreStdin: true, description: 'services or containers (default: every service)'})}
  static override flags = {config: Flags.boolean({char: 'c', description: 'also print the parsed configuration'})}
  static override examples = [
    {description: 'Every container', command: '<%= config.bin %> dump'},
    {description: 'kafka-1, its dependencies, and the parsed file', command: '<%= config.bin %> dump -c kafka-1'},
  ]

  protected override stdoutIsData(): boolean {
    return true
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Dump)
    const {environment, document} = await this.loaded()
    const names = await selectThings(environment, 'dump', argv as string[], {'with-dependencies': true})
    const {containerDependencies} = await import('../graph/graph.js')
    const containers = names.map((n) => ({...environment.containers[n], dependencies: containerDependencies(environment, n)}))
    this.log(orderedJson(flags.config ? {containers, config: document.data} : {containers}))
  }
}
