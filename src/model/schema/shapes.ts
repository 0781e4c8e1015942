/**
 * JSON Schema (draft-07) fragments for value shapes, written for files as editors see them: before templating
 * and read as YAML 1.2 by yaml-language-server. So wherever Maestro accepts a number or a boolean it also
 * accepts a templated string (`"{{ env.PORT }}"`), and booleans also accept the YAML 1.1 words (`yes`, `off`).
 */
export type JsonSchema = {readonly [key: string]: unknown}

/** One key of one level of maestro.yaml: the single source for the normalizer's known keys and the JSON Schema. */
export interface KeySpec {
  readonly description: string
  readonly schema: JsonSchema
  readonly default?: unknown
  readonly required?: boolean
  readonly deprecated?: boolean
}

export type Level = Readonly<Record<string, KeySpec>>

export const knownKeys = (level: Level): ReadonlySet<string> => new Set(Object.keys(level))

/** A reference to another level (or shared shape), resolved by buildJsonSchema. */
export const ref = (name: string): JsonSchema => ({$ref: `#/definitions/${name}`})

export const templated: JsonSchema = {type: 'string', pattern: '\\{[{%]', description: 'a Jinja2 expression, rendered before validation'}

export const str: JsonSchema = {type: 'string'}
export const int = (minimum = 0, maximum?: number): JsonSchema => ({
  anyOf: [{type: 'integer', minimum, ...(maximum === undefined ? {} : {maximum})}, {type: 'string', pattern: '^\\s*-?\\d+\\s*$'}, templated],
})
export const num: JsonSchema = {anyOf: [{type: 'number'}, {type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*$'}, templated]}
export const bool: JsonSchema = {
  anyOf: [{type: 'boolean'}, {enum: ['yes', 'no', 'on', 'off', 'y', 'n', 'Yes', 'No', 'On', 'Off', 'YES', 'NO', 'ON', 'OFF', 'true', 'false', 'True', 'False']}, templated],
}
export const oneOrList = (item: JsonSchema): JsonSchema => ({anyOf: [item, {type: 'array', items: item}]})
export const strList = oneOrList(str)
export const strEnum = (values: readonly string[]): JsonSchema => ({anyOf: [{enum: [...values]}, templated]})
export const mapOf = (value: JsonSchema, description?: string): JsonSchema =>
  ({type: ['object', 'null'], additionalProperties: value, ...(description ? {description} : {})})
export const scalar: JsonSchema = {type: ['string', 'number', 'boolean', 'null']}
