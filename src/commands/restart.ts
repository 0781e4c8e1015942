import {Args, Flags} from '@oclif/core'
import {MaestroCommand} from '../cli/base-command.js'
import {keepFailed, refreshImages, reuse, reverseSelectionFlags, lockTimeout} from '../cli/flags.js'

export default class Restart extends MaestroCommand {
  static override summary = 'Stop then start containers'
  static override description = `Restarts the named containers (services need -s, everything needs -a), dependencies before dependents. Combine --step-delay with -c 1 for a rolling restart; --only-if-changed skips running containers whose image is already the configured one (typically with -r).`

  static override strict = false
  static override args = {things: Args.string({ignoreStdin: true, description: 'containers (services with -s)'})}
  static override flags = {
    'lock-timeout': lockTimeout(),
    ...reverseSelectionFlags(),
    'refresh-images': refreshImages(),
    reuse: reuse(),
    'step-delay': Flags.integer({description: 'seconds to wait before each restart but the first', default: 0, min: 0}),
    'stop-start-delay': Flags.integer({description: 'seconds to wait between stop and start', default: 0, min: 0}),
    'only-if-changed': Flags.boolean({description: 'skip running containers whose image id is the configured one'}),
    'keep-failed': keepFailed(),
  }

  static override examples = [
    {description: 'Rolling restart of a service', command: '<%= config.bin %> restart -s -c 1 --step-delay 10 kafka'},
    {description: 'Restart what has a new image', command: '<%= config.bin %> restart -a -r --only-if-changed'},
  ]

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Restart)
    await this.play('restart', argv as string[], flags, {
      refreshImages: flags['refresh-images'], reuse: flags.reuse, stepDelay: flags['step-delay'],
      stopStartDelay: flags['stop-start-delay'], onlyIfChanged: flags['only-if-changed'], keepFailed: flags['keep-failed'],
    })
  }
}
