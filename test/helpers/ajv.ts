import {readFileSync} from 'node:fs'
import * as AjvModule from 'ajv'

// ajv is CommonJS; under NodeNext its default export is the module object, whose `default` is the class.
const Ajv = AjvModule.default.default

export type Validate = ((data: unknown) => boolean) & {errors?: unknown}

/** Compiles a JSON Schema file of the project (paths relative to the repository root). */
export function compileSchema(file: string): {validate: Validate; schema: Record<string, unknown>} {
  const schema = JSON.parse(readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8')) as Record<string, unknown>
  const ajv = new Ajv({allErrors: true, strict: false})
  return {validate: ajv.compile(schema) as Validate, schema}
}
