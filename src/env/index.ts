/** The environment contract of reference §3. */
export {computeContainerEnv, toDockerEnv, type EnvPair, type ReadFile} from './compute.js'
export {normalizeName} from './normalize-name.js'
export {pythonStr, pythonFloatRepr, pythonNumberStr} from './python-str.js'
export {parseEnvfile} from './envfile-format.js'
export {serviceLinkVars, infoServices} from './link-vars.js'
