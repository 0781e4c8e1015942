import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {XMLParser, XMLValidator} from 'fast-xml-parser'

const XSD = fileURLToPath(new URL('../../../test/fixtures/junit.xsd', import.meta.url))

/** Validates XML text against test/fixtures/junit.xsd with xmllint (Debian libxml2-utils); returns its stderr. */
export function xmllintJunit(xml: string): {ok: boolean; output: string} {
  const file = join(mkdtempSync(join(tmpdir(), 'maestro-junit-')), 'report.xml')
  writeFileSync(file, xml)
  try {
    execFileSync('xmllint', ['--noout', '--schema', XSD, file], {stdio: 'pipe'})
    return {ok: true, output: ''}
  } catch (e) {
    const err = e as {stderr?: Buffer; message: string}
    return {ok: false, output: err.stderr?.toString() ?? err.message}
  }
}

export type Xml = Record<string, unknown>

/** Well-formedness (fast-xml-parser's validator) and a parse keeping attributes and repeated elements as arrays. */
export function parseJunit(xml: string): Xml {
  const valid = XMLValidator.validate(xml)
  if (valid !== true) throw new Error(`not well-formed: ${JSON.stringify(valid.err)}`)
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['testsuite', 'testcase', 'property', 'failure', 'error'].includes(name),
  })
  return parser.parse(xml) as Xml
}

/** A `--reporter junit=FILE` file: valid against the schema (else throws with xmllint's words), then parsed. */
export function readJunitFile(file: string): Xml {
  const xml = readFileSync(file, 'utf8')
  const lint = xmllintJunit(xml)
  if (!lint.ok) throw new Error(`${file} is not valid JUnit: ${lint.output}\n${xml}`)
  return parseJunit(xml)
}
