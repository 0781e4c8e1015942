import {Args} from '@oclif/core'
import {MaestroCommand} from '../cli/base-command.js'
import {reverseSelectionFlags, lockTimeout} from '../cli/flags.js'
import {playRequest} from '../cli/play.js'

export default class Down extends MaestroCommand {
  static override summary = 'Stop containers, dependents first, then remove them'
  static override description = `Stops the selected containers in reverse dependency order (as stop does), then removes them with their anonymous volumes (as clean --previous does: the previous containers an update kept go too). With no things, the whole environment goes down (no -a needed); service names need -s, and -d adds the containers that depend on them. If the stop fails, nothing is removed.`

  static override strict = false
  static override args = {things: Args.string({ignoreStdin: true, description: 'containers (services with -s; default: everything)'})}
  static override flags = {...reverseSelectionFlags(), 'lock-timeout': lockTimeout()}
  static override examples = [
    {description: 'Stop and remove the whole environment', command: '<%= config.bin %> down'},
    {description: 'Stop and remove a service and everything that depends on it', command: '<%= config.bin %> down -s -d zookeeper'},
  ]

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Down)
    const things = argv as string[]
    const {environment} = await this.loaded()
    const selection = {...flags, all: flags.all === true || things.length === 0}
    const stop = await playRequest(environment, 'stop', things, selection, this.abort.signal)
    await this.runPlay(stop)
    // the clean play acts on exactly the containers the stop play stopped, and their previous containers
    await this.runPlay({...stop, command: 'clean', options: {...stop.options, previous: true}})
  }
}
