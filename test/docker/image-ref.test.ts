import {expect} from 'chai'
import {parseImageRef, withDefaultTag} from '../../src/docker/image-ref.js'

describe('parseImageRef', () => {
  const cases: Array<[string, {repository: string; tag?: string; digest?: string; registryHost?: string; dockerTag: string}]> = [
    ['busybox', {repository: 'busybox', dockerTag: 'latest'}],
    ['busybox:1.2', {repository: 'busybox', tag: '1.2', dockerTag: '1.2'}],
    ['org/app', {repository: 'org/app', dockerTag: 'latest'}],
    ['reg.example.com:5000/org/app:tag', {repository: 'reg.example.com:5000/org/app', tag: 'tag', registryHost: 'reg.example.com:5000', dockerTag: 'tag'}],
    ['reg.example.com:5000/org/app', {repository: 'reg.example.com:5000/org/app', registryHost: 'reg.example.com:5000', dockerTag: 'latest'}],
    ['localhost/app:1', {repository: 'localhost/app', tag: '1', registryHost: 'localhost', dockerTag: '1'}],
    ['quay.io/signalfuse/kafka:855340a-10', {repository: 'quay.io/signalfuse/kafka', tag: '855340a-10', registryHost: 'quay.io', dockerTag: '855340a-10'}],
    ['app@sha256:abc123', {repository: 'app', digest: 'sha256:abc123', dockerTag: 'abc123'}],
    ['app:1.0@sha256:abc123', {repository: 'app', tag: '1.0', digest: 'sha256:abc123', dockerTag: 'abc123'}],
    ['app:', {repository: 'app', tag: '', dockerTag: 'latest'}],
  ]
  for (const [image, expected] of cases) {
    it(`parses ${image}`, () => {
      const ref = parseImageRef(image)
      expect({repository: ref.repository, tag: ref.tag, digest: ref.digest, registryHost: ref.registryHost, dockerTag: ref.dockerTag}).to.deep.equal({
        tag: undefined, digest: undefined, registryHost: undefined, ...expected,
      })
      expect(ref.image).to.equal(image)
    })
  }
})

describe('parseImageRef first component', () => {
  it('splits host with port, path, tag and digest', () => {
    const {repository, tag, digest, firstComponent, registryHost} = parseImageRef('reg.io:5000/team/app:1.2@sha256:abc')
    expect({repository, tag, digest, firstComponent, registryHost}).to.deep.equal({
      repository: 'reg.io:5000/team/app', tag: '1.2', digest: 'sha256:abc', firstComponent: 'reg.io:5000', registryHost: 'reg.io:5000',
    })
  })

  it('keeps a port colon out of the tag', () => {
    const ref = parseImageRef('localhost:5000/app')
    expect(ref.tag).to.equal(undefined)
    expect(ref.registryHost).to.equal('localhost:5000')
  })

  it('has no first component for a single-component image', () => {
    expect(parseImageRef('busybox:latest').firstComponent).to.equal(undefined)
  })

  it('sees a plain namespace as a first component but not as a registry host', () => {
    const ref = parseImageRef('myreg/app:1')
    expect(ref.firstComponent).to.equal('myreg')
    expect(ref.registryHost).to.equal(undefined)
  })
})

describe('withDefaultTag', () => {
  it('adds :latest to an untagged image', () => {
    expect(withDefaultTag('busybox')).to.equal('busybox:latest')
    expect(withDefaultTag('reg:5000/org/app')).to.equal('reg:5000/org/app:latest')
  })
  it('keeps a tag or a digest as written', () => {
    expect(withDefaultTag('busybox:1.2')).to.equal('busybox:1.2')
    expect(withDefaultTag('app@sha256:abc')).to.equal('app@sha256:abc')
  })
})
