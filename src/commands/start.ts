import {Args, Flags} from '@oclif/core'
import {MaestroCommand} from '../cli/base-command.js'
import {keepFailed, refreshImages, removeOrphans, reuse, selectionFlags} from '../cli/flags.js'

export default class Start extends MaestroCommand {
  static override summary = 'Start containers in dependency order'
  static override description = `Creates and starts the selected containers, dependencies first, running their lifecycle checks. A running container is left alone; a stopped one is removed and recreated (or restarted with --reuse). Images are pulled when missing (always with -r). With --converge, running containers whose configuration changed are recreated too, and the old copy of an instance moved to another ship is stopped and removed before the new one starts. Containers of services or instances no longer in the file (orphans) are named in a warning and left alone; --remove-orphans removes them first. Every ship in the play is contacted first; if one is unreachable nothing is changed (exit 3).`

  static override strict = false
  static override args = {things: Args.string({ignoreStdin: true, description: 'services or containers (default: every service and its dependencies)'})}
  static override flags = {
    ...selectionFlags(),
    'refresh-images': refreshImages(),
    reuse: reuse(),
    converge: Flags.boolean({description: 'also recreate running containers whose configuration changed, and remove the old copy of a moved instance (see `maestro plan`)'}),
    'remove-orphans': removeOrphans(),
    'keep-failed': keepFailed(),
  }

  static override examples = [
    {description: 'Start the whole environment', command: '<%= config.bin %> start'},
    {description: 'Start kafka and everything it needs, two at a time', command: '<%= config.bin %> start -d -c 2 kafka'},
    {description: 'Apply configuration changes', command: '<%= config.bin %> -f env.yaml start --converge'},
  ]

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Start)
    await this.play('start', argv as string[], flags, {refreshImages: flags['refresh-images'], reuse: flags.reuse, converge: flags.converge, keepFailed: flags['keep-failed'], removeOrphans: flags['remove-orphans']})
  }
}
