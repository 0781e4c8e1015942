import {Args} from '@oclif/core'
import {MaestroCommand} from '../cli/base-command.js'
import {selectionFlags} from '../cli/flags.js'

export default class Pull extends MaestroCommand {
  static override summary = "Pull the containers' images on their ships"
  static override description = `Pulls the image of every selected container on its ship, using the registries section for credentials. Each image is pulled once per ship.`

  static override strict = false
  static override args = {things: Args.string({ignoreStdin: true, description: 'services or containers (default: every service)'})}
  static override flags = selectionFlags()
  static override examples = [
    {description: 'Pull every image', command: '<%= config.bin %> pull'},
    {description: 'Pull the images of kafka, two ships at a time', command: '<%= config.bin %> pull -c 2 kafka'},
  ]

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Pull)
    await this.play('pull', argv as string[], flags)
  }
}
