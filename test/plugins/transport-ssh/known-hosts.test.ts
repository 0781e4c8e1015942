import {createHmac, randomBytes} from 'node:crypto'
import {expect} from 'chai'
import {blobKeyType, fingerprint} from '../../../plugins/transport-ssh/fingerprint.js'
import {checkHostKey, entryMatches, formatKnownHostsLine, hostToken, knownKeyTypes, parseKnownHosts} from '../../../plugins/transport-ssh/known-hosts.js'

const blob = (type: string, body: string): Buffer => {
  const t = Buffer.from(type)
  const b = Buffer.from(body)
  const len = (n: number) => Buffer.from([0, 0, 0, n])
  return Buffer.concat([len(t.length), t, len(b.length), b])
}
const ED_A = blob('ssh-ed25519', 'key-a-0123456789abcdef0123456789ab')
const ED_B = blob('ssh-ed25519', 'key-b-0123456789abcdef0123456789ab')
const RSA = blob('ssh-rsa', 'rsa-key-material')
const ECDSA = blob('ecdsa-sha2-nistp256', 'ecdsa-key-material')
const b64 = (b: Buffer) => b.toString('base64')
const hashed = (name: string): string => {
  const salt = randomBytes(20)
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`
}

describe('fingerprint', () => {
  it('formats SHA256 fingerprints like ssh-keygen -l (unpadded base64)', () => {
    // ssh-keygen -lf of this ed25519 public key prints SHA256:inLs6EVJ1rhmtKARUXLr1fLogGzpoXoDCbAzPvgaMPc
    const key = Buffer.from('AAAAC3NzaC1lZDI1NTE5AAAAIJFUzHHDlckMXt22NdFPC/dEr3mCkcwz1dSwNjEo2rii', 'base64')
    expect(fingerprint(key)).to.equal('SHA256:inLs6EVJ1rhmtKARUXLr1fLogGzpoXoDCbAzPvgaMPc')
  })

  it('reads the key type from the blob', () => {
    expect(blobKeyType(ED_A)).to.equal('ssh-ed25519')
    expect(blobKeyType(RSA)).to.equal('ssh-rsa')
    expect(blobKeyType(Buffer.from([0, 0]))).to.equal(undefined)
  })
})

describe('parseKnownHosts', () => {
  it('reads plain, hashed, bracketed and marked lines and skips comments and junk', () => {
    const text = [
      '# comment',
      '',
      `host1,10.0.0.1 ssh-ed25519 ${b64(ED_A)} comment here`,
      `${hashed('host2')} ssh-rsa ${b64(RSA)}`,
      `[host3]:2222 ecdsa-sha2-nistp256 ${b64(ECDSA)}`,
      `@revoked * ssh-ed25519 ${b64(ED_B)}`,
      `@cert-authority *.example.com ssh-ed25519 ${b64(ED_A)}`,
      'garbage',
      `@bogus host ssh-ed25519 ${b64(ED_A)}`,
    ].join('\n')
    const entries = parseKnownHosts(text, '/kh')
    expect(entries.map((e) => [e.line, e.marker, e.keyType])).to.deep.equal([
      [3, undefined, 'ssh-ed25519'],
      [4, undefined, 'ssh-rsa'],
      [5, undefined, 'ecdsa-sha2-nistp256'],
      [6, 'revoked', 'ssh-ed25519'],
      [7, 'cert-authority', 'ssh-ed25519'],
    ])
    expect(entries[0].key.equals(ED_A)).to.equal(true)
  })
})

describe('entryMatches', () => {
  const entry = (hosts: string) => parseKnownHosts(`${hosts} ssh-ed25519 ${b64(ED_A)}`, '/kh')[0]

  it('uses the bare host on port 22 and [host]:port otherwise', () => {
    expect(hostToken('Ship1', 22)).to.equal('ship1')
    expect(hostToken('ship1', 2222)).to.equal('[ship1]:2222')
    expect(entryMatches(entry('ship1'), 'ship1', 22)).to.equal(true)
    expect(entryMatches(entry('ship1'), 'ship1', 2222)).to.equal(false)
    expect(entryMatches(entry('[ship1]:2222'), 'ship1', 2222)).to.equal(true)
    expect(entryMatches(entry('[ship1]:2222'), 'ship1', 22)).to.equal(false)
  })

  it('matches comma lists, wildcards and case-insensitively, with negation vetoing', () => {
    expect(entryMatches(entry('a,B.example.com'), 'b.EXAMPLE.com', 22)).to.equal(true)
    expect(entryMatches(entry('*.example.com'), 'x.example.com', 22)).to.equal(true)
    expect(entryMatches(entry('10.0.0.?'), '10.0.0.7', 22)).to.equal(true)
    expect(entryMatches(entry('*.example.com,!bad.example.com'), 'bad.example.com', 22)).to.equal(false)
    expect(entryMatches(entry('*.example.com'), 'xexample.com', 22)).to.equal(false)
  })

  it('matches hashed |1| entries for the host and for [host]:port', () => {
    expect(entryMatches(entry(hashed('10.1.2.3')), '10.1.2.3', 22)).to.equal(true)
    expect(entryMatches(entry(hashed('10.1.2.3')), '10.1.2.4', 22)).to.equal(false)
    expect(entryMatches(entry(hashed('[10.1.2.3]:2200')), '10.1.2.3', 2200)).to.equal(true)
    expect(entryMatches(entry(hashed('[10.1.2.3]:2200')), '10.1.2.3', 22)).to.equal(false)
  })

  it('matches a line hashed by ssh-keygen -H', () => {
    const line = '|1|g2erCgyhWjGZ3B1nMlK/idgX18M=|J0UFtXaW+wrJLsK4x+MWTQiCfZI= ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJFUzHHDlckMXt22NdFPC/dEr3mCkcwz1dSwNjEo2rii'
    const [e] = parseKnownHosts(line, '/kh')
    expect(entryMatches(e, '10.231.3.11', 2222)).to.equal(true)
    expect(entryMatches(e, '10.231.3.11', 22)).to.equal(false)
  })
})

describe('checkHostKey', () => {
  const kh = (lines: string[]) => parseKnownHosts(lines.join('\n'), '/kh')

  it('trusts a recorded key and reports unknown hosts', () => {
    const entries = kh([`ship1 ssh-ed25519 ${b64(ED_A)}`])
    expect(checkHostKey(entries, 'ship1', 22, ED_A).status).to.equal('trusted')
    expect(checkHostKey(entries, 'ship2', 22, ED_A).status).to.equal('unknown')
  })

  it('reports a different key of a recorded type as changed, with the entry', () => {
    const verdict = checkHostKey(kh(['# x', `ship1 ssh-ed25519 ${b64(ED_A)}`]), 'ship1', 22, ED_B)
    expect(verdict.status).to.equal('changed')
    expect(verdict.status === 'changed' && verdict.entry.line).to.equal(2)
  })

  it('treats a key of another type than the recorded ones as changed (the host is known), naming the recorded line', () => {
    const verdict = checkHostKey(kh(['# x', `other ssh-rsa ${b64(RSA)}`, `ship1 ssh-ed25519 ${b64(ED_A)}`]), 'ship1', 22, ECDSA)
    expect(verdict.status).to.equal('changed')
    expect(verdict.status === 'changed' && verdict.entry.line).to.equal(3)
    expect(checkHostKey(kh([`ship1 ssh-rsa ${b64(RSA)}`]), 'ship1', 22, ED_A).status).to.equal('changed')
  })

  it('refuses revoked keys even when also recorded as trusted', () => {
    const entries = kh([`ship1 ssh-ed25519 ${b64(ED_A)}`, `@revoked * ssh-ed25519 ${b64(ED_A)}`])
    expect(checkHostKey(entries, 'ship1', 22, ED_A).status).to.equal('revoked')
  })

  it('ignores @cert-authority lines', () => {
    expect(checkHostKey(kh([`@cert-authority ship1 ssh-ed25519 ${b64(ED_A)}`]), 'ship1', 22, ED_B).status).to.equal('unknown')
  })

  it('lists the recorded key types for algorithm preference', () => {
    const entries = kh([`ship1 ssh-rsa ${b64(RSA)}`, `ship1 ssh-ed25519 ${b64(ED_A)}`, `other ecdsa-sha2-nistp256 ${b64(ECDSA)}`])
    expect(knownKeyTypes(entries, 'ship1', 22)).to.deep.equal(['ssh-rsa', 'ssh-ed25519'])
  })
})

describe('formatKnownHostsLine', () => {
  it('writes host or [host]:port, the type and the key, and reads back as trusted', () => {
    expect(formatKnownHostsLine('10.0.0.1', 22, ED_A)).to.equal(`10.0.0.1 ssh-ed25519 ${b64(ED_A)}`)
    const line = formatKnownHostsLine('10.0.0.1', 2222, ED_A)
    expect(line.startsWith('[10.0.0.1]:2222 ssh-ed25519 ')).to.equal(true)
    expect(checkHostKey(parseKnownHosts(line, '/kh'), '10.0.0.1', 2222, ED_A).status).to.equal('trusted')
  })
})
