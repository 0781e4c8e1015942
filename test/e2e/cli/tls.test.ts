import {expect} from 'chai'
import {useLab, type Lab} from '../../helpers/lab.js'
import {maestro, tempProject} from '../../helpers/cli.js'

/** `maestro <command>` against the lab's TLS ship, the daemon's certificate checked against `ca`. */
describe('@e2e maestro CLI: Docker TLS verifies by default', function () {
  this.timeout(60_000)
  let lab: Lab

  before(async function () {
    lab = await useLab({ships: 1, context: this})
  })

  const run = async (command: string, tlsKeys: string) => {
    const yaml = `name: tls\nships:\n  ship1: {ip: ${lab.tls.ip}, tls: true, timeout: 5, tls_cert: ${lab.tls.cert}, tls_key: ${lab.tls.key}, ${tlsKeys}}\nservices:\n  web: {image: ${lab.image}, instances: {tls-web-1: {ship: ship1}}}\n`
    const project = tempProject({'maestro.yaml': yaml})
    try {
      return await maestro(['-f', `${project.dir}/maestro.yaml`, command])
    } finally {
      project.cleanup()
    }
  }

  it('refuses a daemon certificate the given CA did not sign, with one ERROR line and exit 3', async () => {
    const r = await run('plan', `tls_ca_cert: ${lab.tls.wrongCa}`)
    expect(r.code, r.stderr).to.equal(3)
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('ERROR:'))
    expect(errors, r.stderr).to.have.length(1)
    expect(errors[0]).to.match(/ship ship1 \(https:\/\/10\.231\.\d+\.11:2376\) is unreachable: TLS handshake failed: .*certificate/)
    expect(r.stderr).to.not.match(/^\s+at /m)
  })

  it('works with the right CA and warns about nothing', async () => {
    const r = await run('status', `tls_ca_cert: ${lab.tls.ca}`)
    expect(r.code, r.stderr).to.equal(0)
    expect(r.stderr).to.not.match(/tls_verify/)
  })

  it('talks without verification only with tls_verify: false, warning once for the ship', async () => {
    const r = await run('status', `tls_ca_cert: ${lab.tls.wrongCa}, tls_verify: false`)
    expect(r.code, r.stderr).to.equal(0)
    const warnings = r.stderr.split('\n').filter((l) => l.includes('tls_verify is false'))
    expect(warnings, r.stderr).to.deep.equal([`warning: transport: ship ship1: tls_verify is false, the daemon's certificate at https://${lab.tls.ip}:2376 is not verified`])
  })
})
