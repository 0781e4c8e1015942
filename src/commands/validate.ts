import {MaestroCommand} from '../cli/base-command.js'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export default class Validate extends MaestroCommand {
  static override summary = 'Check the environment file and report every problem'
  static override description = `Loads the file exactly as the other commands do (templating, YAML 1.1, schema checks) without contacting any ship. Warnings (such as unknown keys) are printed as file:line:col: warning: message. When the file is invalid, every problem is printed as file:line:col: message and the exit code is 2.`

  static override examples = [
    {description: 'Validate ./maestro.yaml', command: '<%= config.bin %> validate'},
    {description: 'Validate another file', command: '<%= config.bin %> -f env.yaml validate'},
    {description: 'Validate a file read from stdin', command: 'cat env.yaml | <%= config.bin %> validate -f -'},
  ]

  async run(): Promise<void> {
    await this.parse(Validate)
    const {environment: env} = await this.loaded()
    const services = Object.keys(env.services).length
    const containers = Object.keys(env.containers).length
    const ships = Object.keys(env.ships).length
    this.log(`✓ ${plural(services, 'service')}, ${plural(containers, 'container')} on ${plural(ships, 'ship')}`)
  }
}
