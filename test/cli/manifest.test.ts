import {expect} from 'chai'
import {readFileSync, readdirSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const read = (p: string) => JSON.parse(readFileSync(root + p, 'utf8')) as Record<string, unknown>

describe('oclif.manifest.json', () => {
  const manifest = read('oclif.manifest.json') as {version: string; commands: Record<string, unknown>}

  it('lists exactly the commands in src/commands', () => {
    // Commands in subfolders are topic commands: src/commands/completion/names.ts is `completion:names`.
    const files = (readdirSync(root + 'src/commands', {recursive: true}) as string[])
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.replace(/\.ts$/, '').split('/').join(':'))
    expect(Object.keys(manifest.commands).sort()).to.deep.equal(files.sort())
  })

  it("carries package.json's version (a same-version manifest is trusted blindly)", () => {
    expect(manifest.version).to.equal(read('package.json').version)
  })
})
