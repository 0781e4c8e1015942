import {readFileSync} from 'node:fs'
import {homedir} from 'node:os'
import {readDockerConfig, type DockerConfig} from './docker-config.js'

/** The Docker config of the user running Maestro (`$DOCKER_CONFIG` or `~/.docker/config.json`). */
export function readHostDockerConfig(env: Readonly<Record<string, string | undefined>> = process.env): DockerConfig | undefined {
  return readDockerConfig({
    env,
    homedir: homedir(),
    readFile: (path) => {
      try {
        return readFileSync(path, 'utf8')
      } catch {
        return undefined
      }
    },
  })
}
