import {Flags} from '@oclif/core'
import {MaestroCommand} from '../cli/base-command.js'

export default class Render extends MaestroCommand {
  static override summary = 'Print the environment file after templating, as YAML'
  static override description = `Prints the file as Maestro reads it: templating done, anchors and merge keys resolved, as YAML on stdout (like docker compose config). Sensitive env values (by name, sensitive_env, or read by the template through env.) are shown as ******** unless --show-secrets is given. Contacts no ship.`

  static override flags = {'show-secrets': Flags.boolean({description: 'print sensitive values as they are'})}
  static override examples = [
    {description: 'The rendered file, secrets masked', command: '<%= config.bin %> -f env.yaml render'},
    {description: 'With the secrets, to check what a template produced', command: '<%= config.bin %> render --show-secrets'},
  ]

  protected override stdoutIsData(): boolean {
    return true
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Render)
    const {document} = await this.loaded()
    const [{stringify}, {maskSecrets}] = await Promise.all([import('yaml'), import('../render/mask.js')])
    const data = flags['show-secrets'] ? document.data : maskSecrets(document.data, document.envValuesRead)
    process.stdout.write(stringify(data, {aliasDuplicateObjects: false, lineWidth: 0}))
  }
}
