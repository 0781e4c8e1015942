import {Args} from '@oclif/core'
import {MaestroCommand} from '../cli/base-command.js'
import {json} from '../cli/flags.js'
import {MaestroError} from '../api/errors.js'
import {didYouMean} from '../model/did-you-mean.js'
import {orderedJson} from '../text/ordered-json.js'
import {withKeyOrder} from '../model/key-order.js'

export default class Env extends MaestroCommand {
  static override summary = 'Print the exact environment a container will receive'
  static override description = `Computes the variables Maestro passes to the container (reference §3): envfiles, env, MAESTRO_ENVIRONMENT_NAME, SERVICE_NAME, CONTAINER_*, DOCKER_*, and the link variables of its own service and its dependencies, in Docker's order. Each line is KEY=VALUE, or a bare KEY for a null value. No ship is contacted.`

  static override args = {instance: Args.string({ignoreStdin: true, description: 'container (instance) name', required: true})}
  static override flags = {json: json('the variables (null for a bare KEY)')}
  static override examples = [
    {description: 'The environment of kafka-1', command: '<%= config.bin %> env kafka-1'},
    {description: 'The same as a JSON object', command: '<%= config.bin %> -f env.yaml env kafka-1 --json'},
  ]

  protected override stdoutIsData(): boolean {
    return true
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Env)
    const {environment} = await this.loaded()
    if (!(args.instance in environment.containers)) {
      const service = environment.services[args.instance]
      const hint = service ? ` (it is a service; its containers are ${service.instances.join(', ')})` : didYouMean(args.instance, Object.keys(environment.containers))
      throw new MaestroError('MAESTRO_UNKNOWN_THING', `${args.instance} is not a container of ${environment.name}${hint}`)
    }
    const {computeContainerEnv} = await import('../env/compute.js')
    const pairs = computeContainerEnv(environment, args.instance)
    if (flags.json) this.log(orderedJson(withKeyOrder(Object.fromEntries(pairs), [...new Set(pairs.map(([k]) => k))])))
    else for (const [k, v] of pairs) this.log(v === null ? k : `${k}=${v}`)
  }
}
