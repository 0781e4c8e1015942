import {expect} from 'chai'
import {assessDrift, canonicalJson, configDigest, effectiveConfig, envDigest, LABEL, labelConfig, maestroLabels, recordedConfig, saltedConfigDigest} from '../../src/plan/index.js'
import {LINK_VARIABLES} from '../../src/plan/labels.js'
import {linkVarKeys} from '../../src/env/link-vars.js'
import {withCurrentEnv} from '../../src/plan/build-plan.js'
import {sensitiveByName, sensitiveEnvKeys} from '../../src/env/sensitive.js'
import {environment, ship} from '../helpers/env-builder.js'
import {renderPlan} from '../../src/cli/render-plan.js'

const env = environment('prod', [ship('a', '10.0.0.1')], {web: {instances: {'web-1': {ship: 'a'}, 'web-2': {ship: 'a'}}}})
const web = env.containers['web-1']
const pairs = (password: string, workers = '4'): [string, string | null][] => [['DB_PASSWORD', password], ['WORKERS', workers]]
const config = (password: string, workers?: string) => effectiveConfig(web, pairs(password, workers))

describe('labels v3: env values only as salted digests', () => {
  it('never carries an env value, and records version, salt and digests', () => {
    const labels = maestroLabels(env, web, config('hunter2-very-secret'))
    expect(JSON.stringify(labels)).to.not.contain('hunter2-very-secret')
    expect(labels[LABEL.configVersion]).to.equal('3')
    expect(labels[LABEL.configSalt]).to.match(/^[0-9a-f]{32}$/)
    const recorded = JSON.parse(labels[LABEL.config]) as {env: string[][]; image: string}
    expect(recorded.env.map((p) => p[0])).to.deep.equal(['DB_PASSWORD', 'WORKERS'])
    expect(recorded.env[0][1]).to.equal(envDigest(labels[LABEL.configSalt], 'DB_PASSWORD', 'hunter2-very-secret'))
    expect(recorded.image).to.equal(web.image)
  })

  it('is salted per container: the same value on two containers gives different digests and hashes', () => {
    const a = maestroLabels(env, web, config('same-secret'))
    const b = maestroLabels(env, env.containers['web-2'], config('same-secret'))
    expect(a[LABEL.configSalt]).to.not.equal(b[LABEL.configSalt])
    expect(a[LABEL.config]).to.not.equal(b[LABEL.config])
    expect(a[LABEL.configHash]).to.not.equal(b[LABEL.configHash])
  })

  it('is recomputable from the salt: the same config is up to date, a changed one is found', () => {
    const labels = maestroLabels(env, web, config('s3cret-value'))
    expect(assessDrift(recordedConfig(labels), config('s3cret-value'))).to.deep.equal({known: true, changes: []})
    expect(canonicalJson(labelConfig(config('s3cret-value'), labels[LABEL.configSalt]))).to.equal(labels[LABEL.config])
    const drift = assessDrift(recordedConfig(labels), config('n3w-secret-value', '8'))
    expect(drift.changes).to.deep.equal([{field: 'env.DB_PASSWORD', sensitive: true}, {field: 'env.WORKERS', beforeUnknown: true, after: '8'}])
    expect(JSON.stringify(drift)).to.not.match(/s3cret|n3w-secret/)
  })

  it('masks by the given sensitivity, not only by name', () => {
    const labels = maestroLabels(env, web, config('x'))
    const drift = assessDrift(recordedConfig(labels), config('x', '8'), (k) => k === 'WORKERS')
    expect(drift.changes).to.deep.equal([{field: 'env.WORKERS', sensitive: true}])
  })
})

describe('labels v3: link variables', () => {
  const links: [string, string][] = [['WEB_INSTANCES', 'web-1,web-2'], ['WEB_WEB_1_HOST', '10.0.0.1'], ['WEB_WEB_2_HOST', '10.0.0.1']]
  const withLinks = (hosts = links) => effectiveConfig(web, [['WORKERS', '4'], ...hosts])
  const keys = linkVarKeys(env, 'web')

  it('are digested together, as one entry, the other keys one by one', () => {
    expect([...keys].sort()).to.deep.equal(links.map(([k]) => k))
    const labels = maestroLabels(env, web, withLinks())
    const salt = labels[LABEL.configSalt]
    const recorded = JSON.parse(labels[LABEL.config]) as {env: string[][]}
    expect(recorded.env.map((p) => p[0])).to.deep.equal([LINK_VARIABLES, 'WORKERS'])
    expect(recorded.env[0][1]).to.equal(envDigest(salt, LINK_VARIABLES, links))
    expect(labels[LABEL.configHash]).to.equal(saltedConfigDigest(withLinks(), salt))
    expect(assessDrift(recordedConfig(labels), withLinks(), sensitiveByName, keys)).to.deep.equal({known: true, changes: []})
  })

  it('digest each container\'s own link values: reusing the previous container\'s JSON only when they are equal pair for pair', () => {
    const salt = 'ab'.repeat(16)
    const moved: [string, string][] = [links[0], links[1], ['WEB_WEB_2_HOST', '10.0.0.9']]
    const linkEntry = (hosts: [string, string][]) => (labelConfig(withLinks(hosts), salt, keys).env as string[][])[0][1]
    expect(linkEntry(links)).to.equal(envDigest(salt, LINK_VARIABLES, links))
    expect(linkEntry(moved)).to.equal(envDigest(salt, LINK_VARIABLES, moved))
    expect(linkEntry(links.map(([k, v]) => [k, `${v}`]))).to.equal(envDigest(salt, LINK_VARIABLES, links))
    expect(linkEntry(links.slice(1))).to.equal(envDigest(salt, LINK_VARIABLES, links.slice(1)))
  })

  it('a changed one is found, and named key by key against the container\'s own env', () => {
    const labels = maestroLabels(env, web, withLinks())
    const moved: [string, string][] = [links[0], links[1], ['WEB_WEB_2_HOST', '10.0.0.9']]
    const drift = assessDrift(recordedConfig(labels), withLinks(moved), sensitiveByName, keys)
    expect(drift.changes).to.have.length(1)
    expect(drift.changes[0]).to.include({field: `env.${LINK_VARIABLES}`, beforeUnknown: true})
    const step = {container: 'web-1', service: 'web', ship: 'a', action: 'recreate' as const, reason: 'configuration changed', changes: drift.changes}
    expect(renderPlan([step])).to.contain(`env.${LINK_VARIABLES}: changed`)
    const current = ['WORKERS=4', 'WEB_INSTANCES=web-1,web-2', 'WEB_WEB_1_HOST=10.0.0.1', 'WEB_WEB_2_HOST=10.0.0.1']
    expect(withCurrentEnv(step, current).changes).to.deep.equal(drift.changes)
    const filled = withCurrentEnv(step, current, {pairs: moved, isSensitive: sensitiveByName})
    expect(filled.changes).to.deep.equal([{field: 'env.WEB_WEB_2_HOST', before: '10.0.0.1', after: '10.0.0.9'}])
    const masked = withCurrentEnv(step, current, {pairs: moved, isSensitive: (k) => k === 'WEB_WEB_2_HOST'})
    expect(masked.changes).to.deep.equal([{field: 'env.WEB_WEB_2_HOST', sensitive: true}])
  })
})

describe('labels v2 (a digest per env key, link variables too) are still read', () => {
  const v2 = (c: ReturnType<typeof config>, salt = 'ab'.repeat(16)) => ({
    [LABEL.environment]: 'prod', [LABEL.service]: 'web', [LABEL.container]: 'web-1', [LABEL.configVersion]: '2',
    [LABEL.configSalt]: salt, [LABEL.configHash]: saltedConfigDigest(c, salt), [LABEL.config]: canonicalJson(labelConfig(c, salt)),
  })
  const linked = (host: string) => effectiveConfig(web, [['WORKERS', '4'], ['WEB_WEB_1_HOST', host]])

  it('an unchanged container is up to date, a changed link variable is named', () => {
    const keys = linkVarKeys(env, 'web')
    expect(assessDrift(recordedConfig(v2(linked('10.0.0.1'))), linked('10.0.0.1'), sensitiveByName, keys)).to.deep.equal({known: true, changes: []})
    const drift = assessDrift(recordedConfig(v2(linked('10.0.0.1'))), linked('10.0.0.9'), sensitiveByName, keys)
    expect(drift.changes).to.deep.equal([{field: 'env.WEB_WEB_1_HOST', beforeUnknown: true, after: '10.0.0.9'}])
  })
})

describe('labels v1 (clear config, unsalted hash) are still read', () => {
  const v1 = (c: ReturnType<typeof config>) => ({
    [LABEL.environment]: 'prod', [LABEL.service]: 'web', [LABEL.container]: 'web-1',
    [LABEL.configVersion]: '1', [LABEL.configHash]: configDigest(c), [LABEL.config]: canonicalJson(c),
  })

  it('an unchanged container is up to date (no spurious recreate)', () => {
    expect(assessDrift(recordedConfig(v1(config('old-secret'))), config('old-secret'))).to.deep.equal({known: true, changes: []})
  })

  it('a change is found, and the clear old value from a v1 label is not repeated', () => {
    const drift = assessDrift(recordedConfig(v1(config('old-secret'))), config('new-secret', '8'))
    expect(drift.changes).to.deep.equal([{field: 'env.DB_PASSWORD', sensitive: true}, {field: 'env.WORKERS', beforeUnknown: true, after: '8'}])
  })
})

describe('sensitive env keys', () => {
  it('match the documented name patterns, in any case', () => {
    for (const k of ['DB_PASSWORD', 'passwd', 'API_SECRET', 'GITHUB_TOKEN', 'SSH_KEY', 'AWS_CREDENTIALS', 'BASIC_AUTH', 'private_url']) expect(sensitiveByName(k), k).to.equal(true)
    for (const k of ['WORKERS', 'HOST', 'PORT', 'LOG_LEVEL']) expect(sensitiveByName(k), k).to.equal(false)
  })

  it('include `sensitive_env`, envfile keys, and values holding an `env.` value (4 characters or more)', () => {
    const e = {...env, containers: {...env.containers, 'web-1': {...web, sensitiveEnv: ['DSN']}}, templateEnvValues: ['abc', 'pa55word']}
    const keys = sensitiveEnvKeys(e, 'web-1', [['DSN', 'x'], ['FROM_FILE', 'y'], ['URL', 'pg://u:pa55word@db'], ['SHORT', 'abc'], ['WORKERS', '4']], ['FROM_FILE'])
    expect([...keys].sort()).to.deep.equal(['DSN', 'FROM_FILE', 'URL'])
  })
})

describe('renderPlan and secrets', () => {
  it('says that a sensitive value changed, never the value; shows plain ones', () => {
    const text = renderPlan([{container: 'web-1', service: 'web', ship: 'a', action: 'recreate', reason: 'configuration changed', changes: [
      {field: 'env.DB_PASSWORD', sensitive: true}, {field: 'env.WORKERS', before: '4', after: '8'}, {field: 'env.HOST', beforeUnknown: true, after: 'x'},
    ]}])
    expect(text).to.contain('env.DB_PASSWORD: (sensitive value changed)')
    expect(text).to.contain('env.WORKERS: 4 -> 8')
    expect(text).to.contain('env.HOST: (not recorded) -> x')
  })
})
