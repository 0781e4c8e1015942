import {expect} from 'chai'
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {dirname, join, relative, resolve, sep} from 'node:path'
import {fileURLToPath} from 'node:url'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const PLUGINS = join(ROOT, 'plugins')
const PUBLIC_API = join(ROOT, 'src', 'api', 'index.js')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

/** Every module specifier of static imports, re-exports and dynamic import() calls. */
function specifiers(text: string): string[] {
  const found: string[] = []
  for (const m of text.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"]*?\sfrom\s*['"]([^'"]+)['"]/gm)) found.push(m[1])
  for (const m of text.matchAll(/(?:^|[\s;])import\s*['"]([^'"]+)['"]/gm)) found.push(m[1])
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1])
  return found
}

/** Plugins may import the public API, node builtins, npm packages, and other files under plugins/. */
function violation(file: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined
  const target = resolve(dirname(file), spec)
  if (target === PUBLIC_API) return undefined
  if (target.startsWith(PLUGINS + sep)) return undefined
  return `${relative(ROOT, file)} imports ${spec}`
}

describe('plugins use only the public API', () => {
  const folders = readdirSync(PLUGINS).filter((name) => statSync(join(PLUGINS, name)).isDirectory())

  it('finds plugin folders to check', () => {
    expect(folders).to.include('loader-yaml')
  })

  for (const folder of folders) {
    it(`plugins/${folder} imports nothing from src/ except src/api/index.js`, () => {
      const files = sourceFiles(join(PLUGINS, folder))
      expect(files.length).to.be.greaterThan(0)
      const problems = files.flatMap((file) => specifiers(readFileSync(file, 'utf8')).map((s) => violation(file, s)).filter((v) => v !== undefined))
      expect(problems).to.deep.equal([])
    })
  }

  it('detects a forbidden import (self-check of the scanner)', () => {
    const file = join(PLUGINS, 'x', 'y.ts')
    const specs = specifiers("import {a} from '../../src/kernel/kernel.js'\nexport * from '../../src/api/index.js'\nconst m = await import('../../src/model/types.js')\n")
    expect(specs.map((s) => violation(file, s)).filter(Boolean)).to.deep.equal(['plugins/x/y.ts imports ../../src/kernel/kernel.js', 'plugins/x/y.ts imports ../../src/model/types.js'])
  })
})
