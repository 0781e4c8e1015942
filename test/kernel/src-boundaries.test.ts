import {expect} from 'chai'
import {readdirSync, readFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {projectRoot} from '../helpers/cli.js'

const FORBIDDEN = ['docker-modem', 'ssh2', 'node:http', 'node:https', 'node:tls', 'http', 'https', 'tls', 'undici']
/** Module specifiers of static imports, dynamic imports and re-exports. */
const specifiers = (text: string): string[] =>
  [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]!)

function tsFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))
}

describe('src/ boundaries', () => {
  const files = tsFiles(join(projectRoot, 'src'))

  it('finds the sources to check', () => {
    expect(files.length).to.be.above(50)
    expect(specifiers("import {a} from 'x'\nconst m = await import('docker-modem')\nexport {b} from \"./y.js\"")).to.deep.equal(['x', 'docker-modem', './y.js'])
  })

  it('holds no Docker HTTP and no SSH code: nothing in src/ imports a Docker, HTTP, TLS or SSH client', () => {
    const offending = files.flatMap((f) => specifiers(readFileSync(f, 'utf8')).filter((s) => FORBIDDEN.includes(s)).map((s) => `${relative(projectRoot, f)}: ${s}`))
    expect(offending).to.deep.equal([])
  })

  it('reaches plugins/ only to boot the built-in list (library sessions), lazily', () => {
    const uses = files.flatMap((f) => {
      const text = readFileSync(f, 'utf8')
      return specifiers(text).filter((s) => s.includes('plugins/')).map((s) => `${relative(projectRoot, f)}: ${s}`)
    })
    expect(uses).to.deep.equal(['src/lib/open.ts: ../../plugins/index.js'])
    expect(readFileSync(join(projectRoot, 'src/lib/open.ts'), 'utf8')).to.match(/import\('\.\.\/\.\.\/plugins\/index\.js'\)/)
  })
})
