import {Args} from '@oclif/core'
import {MaestroCommand} from '../cli/base-command.js'
import {reverseSelectionFlags, lockTimeout} from '../cli/flags.js'

export default class Stop extends MaestroCommand {
  static override summary = 'Stop containers, dependents first'
  static override description = `Stops the named containers (services need -s, everything needs -a), in reverse dependency order. With -d the containers that depend on them are stopped too. A failure to stop one container is reported but is not fatal.`

  static override strict = false
  static override args = {things: Args.string({ignoreStdin: true, description: 'containers (services with -s)'})}
  static override flags = {...reverseSelectionFlags(), 'lock-timeout': lockTimeout()}
  static override examples = [
    {description: 'Stop one container', command: '<%= config.bin %> stop kafka-1'},
    {description: 'Stop a service and everything that depends on it', command: '<%= config.bin %> stop -s -d zookeeper'},
    {description: 'Stop the whole environment', command: '<%= config.bin %> stop -a'},
  ]

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Stop)
    await this.play('stop', argv as string[], flags)
  }
}
