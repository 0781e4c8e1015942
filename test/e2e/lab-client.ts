/** A real DockerClient (plugins/docker-client) for one lab ship, over plain TCP as Maestro reaches ships. */
import {createDockerClient} from '../../plugins/docker-client/index.js'
import type {DockerClient} from '../../src/api/index.js'
import type {Lab, LabShip} from '../helpers/lab.js'
import {shipAt} from '../plugins/checks/fixture.js'

export function labClient(_lab: Lab, ship: LabShip): DockerClient {
  const spec = {...shipAt(ship.ip, ship.name), timeout: 30}
  return createDockerClient(spec, {endpoint: `tcp://${ship.ip}:${ship.dockerPort}`, host: ship.ip, port: ship.dockerPort})
}
