import {expect} from 'chai'
import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {homedir, tmpdir} from 'node:os'
import {join} from 'node:path'
import {localPluginSource, notAPlugin, readLocalManifest, rewritePluginInstall} from '../../src/cli/plugin-source.js'

describe('local sources of `maestro plugins install`', () => {
  it('turns path forms into absolute file: specs and leaves names, scopes, slugs and URLs alone', () => {
    expect(localPluginSource('./x.tgz', '/work')).to.equal('file:/work/x.tgz')
    expect(localPluginSource('../x.tar.gz', '/work/p')).to.equal('file:/work/x.tar.gz')
    expect(localPluginSource('/abs/x.tgz', '/work')).to.equal('file:/abs/x.tgz')
    expect(localPluginSource('./folder', '/work')).to.equal('file:/work/folder')
    expect(localPluginSource('.', '/work')).to.equal('file:/work')
    expect(localPluginSource('~/plugins/x', '/work')).to.equal(`file:${homedir()}/plugins/x`)
    expect(localPluginSource('x.tgz', '/work')).to.equal('file:/work/x.tgz')
    expect(localPluginSource('file:x.tgz', '/work')).to.equal('file:/work/x.tgz')
    expect(localPluginSource('file:/abs/folder', '/work')).to.equal('file:/abs/folder')
    for (const a of ['maestro-plugin-x', '@scope/maestro-plugin-x', 'someuser/someplugin', 'https://github.com/a/b', 'git+ssh://git@h/a.git']) {
      expect(localPluginSource(a, '/work'), a).to.equal(undefined)
    }
  })

  it('rewrites only the arguments of plugins install/add/i, never flags', () => {
    expect(rewritePluginInstall(['plugins', 'install', './a.tgz', '--force', 'b'], '/w')).to.deep.equal(['plugins', 'install', 'file:/w/a.tgz', '--force', 'b'])
    expect(rewritePluginInstall(['plugins', 'add', './f'], '/w')).to.deep.equal(['plugins', 'add', 'file:/w/f'])
    expect(rewritePluginInstall(['plugins', 'link', './f'], '/w')).to.deep.equal(['plugins', 'link', './f'])
    expect(rewritePluginInstall(['start', './f'], '/w')).to.deep.equal(['start', './f'])
  })

  describe('package.json of a folder or an npm tarball', () => {
    let dir: string
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'maestro-plugin-source-'))
      for (const [name, oclif] of [['plug', {hooks: {'maestro:plugins': './index.js'}}], ['plain', {}]] as const) {
        mkdirSync(join(dir, name))
        writeFileSync(join(dir, name, 'package.json'), JSON.stringify({name, version: '1.0.0', oclif}))
        execFileSync('npm', ['pack', '--offline', '--ignore-scripts', '--pack-destination', dir], {cwd: join(dir, name), stdio: 'ignore'})
      }
    })
    after(() => rmSync(dir, {recursive: true, force: true}))

    it('accepts a package declaring the maestro:plugins hook, as a folder and as a tarball', () => {
      for (const src of [`file:${dir}/plug`, `file:${dir}/plug-1.0.0.tgz`]) {
        const manifest = readLocalManifest(src)
        expect(manifest?.name, src).to.equal('plug')
        expect(notAPlugin(src, manifest)).to.equal(undefined)
      }
    })

    it('names a package without the hook, and a path that is no package', () => {
      expect(notAPlugin('x', readLocalManifest(`file:${dir}/plain-1.0.0.tgz`))).to.equal('plain is not a Maestro plugin: its package.json declares no oclif.hooks["maestro:plugins"] (see docs/plugins.md)')
      expect(notAPlugin(`file:${dir}/nothing`, readLocalManifest(`file:${dir}/nothing`))).to.equal(`file:${dir}/nothing is not an npm package (no readable package.json)`)
    })
  })
})
