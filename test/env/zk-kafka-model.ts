/** examples/zookeeper-kafka.yaml as plain model data (used until the loader can read the templated file). */
import type {Environment} from '../../src/model/types.js'
import {container, environment, port, service, ship} from './env-fixture.js'

const zk = 'quay.io/signalfuse/zookeeper:3.4.6-2'
const kafka = 'quay.io/signalfuse/kafka:855340a-10'

export function zkKafkaModel(): Environment {
  const ids = [1, 2, 3]
  return environment('zk-kafka', [ship('ship', '192.168.10.2')], [
    service('zookeeper', zk, ids.map((i) => `zk-node-${i}`)),
    service('kafka', kafka, ids.map((i) => `kafka-${i}`), {requires: ['zookeeper']}),
    service('envtest', 'stackbrew/ubuntu', ['envtest'], {wantsInfo: ['zookeeper', 'kafka'], omit: true}),
  ], [
    ...ids.map((i) => container(`zk-node-${i}`, 'zookeeper', 'ship', zk, {
      ports: [port('client', '2181/tcp', `${2180 + i}/tcp`), port('peer', '2888/tcp', `${2887 + i}/tcp`), port('leader_election', '3888/tcp', `${3887 + i}/tcp`)],
      serviceEnv: {ZOOKEEPER_SERVER_IDS: 'zk-node-1:1,zk-node-2:2,zk-node-3:3'},
      env: {SERVER_ID: i},
    })),
    ...ids.map((i) => container(`kafka-${i}`, 'kafka', 'ship', kafka, {
      ports: [port('broker', `${9091 + i}/tcp`)],
      serviceEnv: {ZOOKEEPER_BASE: '/zk-kafka/kafka', RETENTION_HOURS: 24, REPLICATION: 3, AUTO_LEADER_REBALANCE: true},
      env: {BROKER_ID: i},
    })),
    container('envtest', 'envtest', 'ship', 'stackbrew/ubuntu', {env: {FOO: 'bar test'}, workdir: '/tmp'}),
  ])
}
