import {Args, Flags} from '@oclif/core'
import {MaestroCommand} from '../cli/base-command.js'
import {lockTimeout, removeOrphans, selectionFlags} from '../cli/flags.js'

export default class Clean extends MaestroCommand {
  static override summary = 'Remove stopped containers'
  static override description = `Removes the selected containers that are not running, with their anonymous volumes. Running containers are skipped (status "skipped"), absent ones reported "absent". The stopped old copy of an instance moved to another ship is removed too; with --remove-orphans so are the containers of services or instances no longer in the file, running or not. The previous container an update kept for an instance (<instance>.previous, its way back for maestro rollback) is left unless --previous.`

  static override strict = false
  static override args = {things: Args.string({ignoreStdin: true, description: 'services or containers (default: every service)'})}
  static override flags = {...selectionFlags(), 'remove-orphans': removeOrphans(), previous: Flags.boolean({description: 'also remove the previous container an update kept for each instance (its way back for rollback)'}), 'lock-timeout': lockTimeout()}
  static override examples = [
    {description: 'Remove every stopped container of the environment', command: '<%= config.bin %> clean'},
    {description: 'Remove a stopped kafka-1', command: '<%= config.bin %> clean kafka-1'},
  ]

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Clean)
    await this.play('clean', argv as string[], flags, {removeOrphans: flags['remove-orphans'], previous: flags.previous})
  }
}
