/** Build step: writes schema/maestro.schema.json from the key descriptions (`node dist/src/model/schema/emit.js`). */
import {mkdirSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {jsonSchemaText} from './json-schema.js'

const target = fileURLToPath(new URL('../../../../schema/maestro.schema.json', import.meta.url))
mkdirSync(fileURLToPath(new URL('../../../../schema/', import.meta.url)), {recursive: true})
writeFileSync(target, jsonSchemaText())
