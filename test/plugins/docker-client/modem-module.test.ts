import {expect} from 'chai'
import {execFile} from 'node:child_process'
import {promisify} from 'node:util'

const run = promisify(execFile)
const moduleUrl = new URL('../../../plugins/docker-client/modem-module.js', import.meta.url).href

/** In a fresh process (this one may have loaded docker-modem already): what is loaded before and after first use. */
const SCRIPT = `
import {createRequire} from 'node:module'
import {Agent} from 'node:http'
const {importModem} = await import(${JSON.stringify(moduleUrl)})
const require = createRequire(${JSON.stringify(moduleUrl)})
const ssh2Loaded = () => Object.keys(require.cache).some((f) => f.includes('/node_modules/ssh2/'))
const {default: Modem} = await importModem()
const file = require.resolve('docker-modem/lib/ssh.js')
const standIn = require.cache[file].exports
const before = {modem: typeof Modem, ssh2: ssh2Loaded()}
const agent = standIn({host: '127.0.0.1', port: 1})
const after = {agent: agent instanceof Agent, ssh2: ssh2Loaded(), real: require.cache[file].exports !== standIn}
console.log(JSON.stringify({before, after}))
`

describe('docker-modem loads without ssh2 (plugins/docker-client/modem-module.ts)', function () {
  this.timeout(30_000)
  it('gives docker-modem a stand-in for its ssh.js that loads the real one (and ssh2) on first use', async () => {
    const {stdout} = await run(process.execPath, ['--input-type=module', '-e', SCRIPT])
    expect(JSON.parse(stdout)).to.deep.equal({before: {modem: 'function', ssh2: false}, after: {agent: true, ssh2: true, real: true}})
  })
})
