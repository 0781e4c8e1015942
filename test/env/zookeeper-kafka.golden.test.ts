import {expect} from 'chai'
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {computeContainerEnv, toDockerEnv} from '../../src/env/compute.js'
import {Kernel} from '../../src/kernel/kernel.js'
import {loadEnvironment} from '../../src/model/load.js'
import type {Environment} from '../../src/model/types.js'
import loaderYaml from '../../plugins/loader-yaml/index.js'
import {zkKafkaModel} from './zk-kafka-model.js'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const golden = (name: string): string[] => readFileSync(`${root}test/fixtures/env/${name}.env`, 'utf8').split('\n').filter((l) => l !== '')

function checkGolden(load: () => Environment | Promise<Environment>): void {
  for (const name of ['kafka-2', 'zk-node-2', 'envtest']) {
    it(`gives ${name} exactly the variables of its golden file`, async () => {
      const env = await load()
      const actual = toDockerEnv(computeContainerEnv(env, name)).sort()
      expect(actual).to.deep.equal(golden(name))
    })
  }
}

describe('zookeeper+kafka golden environments', () => {
  describe('loaded from examples/zookeeper-kafka.yaml', () => {
    let loaded: Environment | undefined
    const load = async (): Promise<Environment> => {
      if (!loaded) {
        const kernel = await Kernel.boot({plugins: [loaderYaml]})
        loaded = (await loadEnvironment(kernel, `${root}examples/zookeeper-kafka.yaml`, {env: {}})).environment
      }
      return loaded
    }
    checkGolden(load)
    it('loads the same instances in the same order as the hand-built model', async () => {
      expect(Object.keys((await load()).containers)).to.deep.equal(Object.keys(zkKafkaModel().containers))
    })
  })

  describe('built by hand as model data', () => {
    checkGolden(zkKafkaModel)
  })
})
