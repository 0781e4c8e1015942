import {Args} from '@oclif/core'
import {MaestroCommand} from '../cli/base-command.js'
import {lockTimeout, selectionFlags} from '../cli/flags.js'

export default class Rollback extends MaestroCommand {
  static override summary = 'Put back the containers an update replaced'
  static override description = `Puts back, for the selected instances, the previous container their last update kept (a service with an \`update:\` block keeps each replaced container stopped as <instance>.previous): the current container is stopped and removed, the previous one (same container ID) renamed back, started and checked. Dependencies first, under the deploy lock. A named instance without a previous container is refused before anything changes; with no thing named, every instance that has one is rolled back.`

  static override strict = false
  static override args = {things: Args.string({ignoreStdin: true, description: 'services or containers (default: every instance with a previous container)'})}
  static override flags = {
    'lock-timeout': lockTimeout(),
    ...selectionFlags(),
  }

  static override examples = [
    {description: 'Undo the last update of a service', command: '<%= config.bin %> rollback api'},
    {description: 'Undo the last update of every instance that has a previous container', command: '<%= config.bin %> rollback'},
  ]

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Rollback)
    await this.play('rollback', argv as string[], flags, {named: argv.length > 0})
  }
}
