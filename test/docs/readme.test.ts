import {expect} from 'chai'
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'

const readme = readFileSync('README.md', 'utf8')

describe('README', () => {
  it('shows examples/shop.yaml verbatim, and the environment it promises for web-1', () => {
    const start = readme.indexOf('```yaml\n# yaml-language-server') + '```yaml\n'.length
    const block = readme.slice(start, readme.indexOf('```', start))
    expect(block).to.equal(readFileSync('examples/shop.yaml', 'utf8'))
    const env = execFileSync('node', ['bin/run.js', '-f', 'examples/shop.yaml', 'env', 'web-1'], {encoding: 'utf8'})
    for (const line of ['DB_DB_1_HOST=10.0.0.11', 'DB_DB_1_PG_PORT=5432', 'DB_INSTANCES=db-1']) expect(env.split('\n')).to.include(line)
  })

  it('gives the two fresh-machine commands, and .ci/run runs the same test command', () => {
    expect(readme).to.match(/^npm run demo\b/m)
    expect(readme).to.match(/^npm test\b/m)
    expect(readFileSync('.ci/run', 'utf8')).to.match(/^npm test\b/m)
  })
})
