import {Args, Flags} from '@oclif/core'
import {MaestroCommand} from '../cli/base-command.js'

export default class Deptree extends MaestroCommand {
  static override summary = 'Print the dependency tree of services'
  static override description = `Prints each service and the services it depends on (requires and volumes_from), drawn with +-, \\- and | as MaestroNG does. Without -r a dependency already shown under the same root is not repeated.`

  static override strict = false
  static override args = {things: Args.string({ignoreStdin: true, description: 'services or containers (default: every service)'})}
  static override flags = {recursive: Flags.boolean({char: 'r', description: 'repeat dependencies already shown under the same root'})}
  static override examples = [
    {description: 'The tree of every service', command: '<%= config.bin %> deptree'},
    {description: 'The full tree of kafka', command: '<%= config.bin %> deptree -r kafka'},
  ]

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Deptree)
    const {environment} = await this.loaded()
    const {renderDeptree} = await import('../graph/deptree.js')
    this.log(renderDeptree(environment, argv as string[], flags.recursive).replace(/\n$/, ''))
  }
}
