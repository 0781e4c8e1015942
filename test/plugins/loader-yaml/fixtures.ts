import {fileURLToPath} from 'node:url'

/** test/fixtures/templates in the source tree (tests run from dist/test). */
export const TEMPLATES = fileURLToPath(new URL('../../../../test/fixtures/templates/', import.meta.url))
