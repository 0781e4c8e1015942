import {Args} from '@oclif/core'
import {MaestroCommand} from '../cli/base-command.js'
import {reverseSelectionFlags, lockTimeout} from '../cli/flags.js'

export default class Kill extends MaestroCommand {
  static override summary = 'Kill containers, dependents first'
  static override description = `Like stop, but sends SIGKILL without waiting for the stop timeout. Services need -s, everything needs -a; -d also kills the containers that depend on the given ones.`

  static override strict = false
  static override args = {things: Args.string({ignoreStdin: true, description: 'containers (services with -s)'})}
  static override flags = {...reverseSelectionFlags(), 'lock-timeout': lockTimeout()}
  static override examples = [
    {description: 'Kill one container', command: '<%= config.bin %> kill kafka-1'},
    {description: 'Kill every container of a service', command: '<%= config.bin %> kill -s kafka'},
  ]

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Kill)
    await this.play('kill', argv as string[], flags)
  }
}
