/** Environment texts shared by several CLI tests (written to a temp project's maestro.yaml). */

/** Nothing listens on 127.0.0.1:1, so ship vm1 is down without a lab and without leaving the machine. */
const offline = (zkInstances: string, more = '') => `name: offline
ships:
  vm1: {ip: 127.0.0.1, docker_port: 1, timeout: 2}
services:
  zk:
    image: zookeeper:3.9
    instances: {${zkInstances}}
${more}`

/** One service, zk (zk-1), on the unreachable ship vm1. */
export const OFFLINE_ZK = offline('zk-1: {ship: vm1}')

/** zk with two instances (zk-1, zk-2) on the unreachable ship vm1. */
export const OFFLINE_ZK_TWICE = offline('zk-1: {ship: vm1}, zk-2: {ship: vm1}')

/** zk-1 plus web (web-1, requires zk) on the unreachable ship vm1. */
export const OFFLINE_ZK_WEB = offline('zk-1: {ship: vm1}', `  web:
    image: nginx
    requires: [zk]
    instances: {web-1: {ship: vm1}}
`)

/** zk-1 plus an omitted web (web-1, web-2, requires zk) on the unreachable ship vm1. */
export const OFFLINE_ZK_OMITTED_WEB = offline('zk-1: {ship: vm1}', `  web:
    image: nginx
    requires: [zk]
    omit: true
    instances: {web-1: {ship: vm1}, web-2: {ship: vm1}}
`)

/** The fake-fleet shop (test/cli/fake-fleet-plugin.ts): db-1 on a; app-1 on a and app-2 on b, requiring db. */
export const SHOP = `name: shop
ships:
  a: {ip: 127.0.0.11}
  b: {ip: 127.0.0.12}
services:
  db:
    image: postgres:16
    instances: {db-1: {ship: a}}
  app:
    image: app:1
    requires: [db]
    instances: {app-1: {ship: a}, app-2: {ship: b}}
`

/** The images of SHOP, for the fake fleet's registry. */
export const SHOP_IMAGES = ['postgres:16', 'app:1']

/** SHOP plus web (web-1 on a, requires app). */
export const SHOP_WITH_WEB = `${SHOP}  web:
    image: app:1
    requires: [app]
    instances: {web-1: {ship: a}}
`
