import {AUDITOR, MAESTRO_META, REGISTRY, REGISTRY_RETRY, SHIP, SSH_TUNNEL, TOP} from './keys.js'
import {CHECK, GPU_REQUEST, HEALTHCHECK, UPDATE, INSTANCE, NETWORK_ATTACHMENT, LIMITS, PORT_MAPPING, RESTART_MAPPING, SERVICE, ULIMIT, VOLUME_MAPPING} from './container-keys.js'
import {ref, templated, type JsonSchema, type KeySpec, type Level} from './shapes.js'

export const SCHEMA_ID = 'https://raw.githubusercontent.com/maestro-ng/maestro/main/schema/maestro.schema.json'

const NOTE_KEY = {description: 'Ignored by Maestro: a place for YAML anchors and notes.'}

function property(spec: KeySpec): JsonSchema {
  const value = '$ref' in spec.schema ? {allOf: [spec.schema]} : spec.schema
  return {
    description: spec.description,
    ...value,
    ...(spec.default === undefined ? {} : {default: spec.default}),
    ...(spec.deprecated ? {deprecationMessage: spec.description} : {}),
  }
}

/**
 * A mapping with the level's keys described. Unknown keys are warnings in Maestro, not errors, so they stay
 * allowed (additionalProperties); `_`-prefixed keys are always fine.
 */
function levelSchema(level: Level, description: string, extraPatterns: Record<string, JsonSchema> = {}): JsonSchema {
  const required = Object.entries(level).filter(([, s]) => s.required).map(([k]) => k)
  return {
    type: 'object',
    description,
    properties: Object.fromEntries(Object.entries(level).map(([k, s]) => [k, property(s)])),
    ...(required.length > 0 ? {required} : {}),
    patternProperties: {'^_': NOTE_KEY, ...extraPatterns},
    additionalProperties: true,
  }
}

const without = (level: Level, keys: readonly string[]): Level =>
  Object.fromEntries(Object.entries(level).filter(([k]) => !keys.includes(k)).map(([k, s]) => [k, {...s, required: false}]))

const PORT_TEXT = '^\\s*\\d+(-\\d+)?(/(tcp|udp))?(:\\d+(-\\d+)?(/(tcp|udp))?)?\\s*$'
const RESTART_TEXT = '^(no|always|on-failure|unless-stopped)(:\\d+)?$'

/** The JSON Schema (draft-07) of maestro.yaml, generated from the key descriptions the normalizer uses. */
export function buildJsonSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'Maestro environment (maestro.yaml)',
    ...levelSchema(TOP, 'A Maestro (MaestroNG) environment: ships, services and their instances.', {'^x-': {description: 'Extension key, ignored by Maestro.'}}),
    definitions: {
      maestro: levelSchema(MAESTRO_META, 'File format options.'),
      ship: levelSchema(SHIP, 'A Docker host.'),
      shipDefaults: levelSchema(without(SHIP, ['ip', 'endpoint']), 'Defaults for every ship (not ip or endpoint).'),
      sshTunnel: levelSchema(SSH_TUNNEL, 'SSH tunnel to the Docker daemon.'),
      registry: levelSchema(REGISTRY, 'A registry and its credentials.'),
      registryRetry: levelSchema(REGISTRY_RETRY, 'Pull retries.'),
      auditor: levelSchema(AUDITOR, 'An auditor; other keys belong to its type.'),
      service: levelSchema(SERVICE, 'A service: defaults for its instances.'),
      instance: levelSchema(INSTANCE, 'A container.'),
      limits: levelSchema(LIMITS, 'Resource limits.'),
      check: levelSchema(CHECK, 'A lifecycle check.'),
      port: {anyOf: [{type: 'integer', minimum: 1, maximum: 65535}, {type: 'string', pattern: PORT_TEXT}, templated, ref('portMapping')]},
      portMapping: levelSchema(PORT_MAPPING, 'A port as {exposed, external}.'),
      volume: {anyOf: [{type: 'string'}, ref('volumeMapping')]},
      volumeMapping: levelSchema(VOLUME_MAPPING, 'A bind mount target with a mode.'),
      ulimit: {anyOf: [{type: 'integer', minimum: -1}, {type: 'string', pattern: '^\\s*-?\\d+\\s*$'}, templated, ref('ulimitMapping')]},
      ulimitMapping: levelSchema(ULIMIT, 'Soft and hard limits.'),
      restart: {anyOf: [{type: 'string', pattern: RESTART_TEXT}, {enum: [false, null]}, templated, ref('restartMapping')]},
      restartMapping: levelSchema(RESTART_MAPPING, 'A restart policy.'),
      networks: {anyOf: [{type: 'array', items: {type: 'string'}}, {type: 'object', additionalProperties: {anyOf: [{type: 'null'}, ref('networkAttachment')]}}]},
      networkAttachment: levelSchema(NETWORK_ATTACHMENT, 'How the container joins one network.'),
      healthcheck: levelSchema(HEALTHCHECK, 'A Docker healthcheck (Compose spelling).'),
      gpus: {anyOf: [{enum: ['all']}, {type: 'integer', minimum: 0}, {type: 'string'}, {type: 'array', items: ref('gpuRequest')}]},
      gpuRequest: levelSchema(GPU_REQUEST, 'A GPU device request.'),
      update: levelSchema(UPDATE, 'How drifted running instances are replaced (Compose update_config names).'),
    },
  }
}

/** The file's text as committed in schema/maestro.schema.json. */
export const jsonSchemaText = (): string => `${JSON.stringify(buildJsonSchema(), null, 2)}\n`
