import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {formatIssue, isMaestroError, type ConfigIssue} from '../../src/api/errors.js'
import {normalizeEnvironment} from '../../src/model/normalize.js'
import {YamlLoader} from '../../plugins/loader-yaml/yaml-loader.js'
import {seedCorpus, type Seed} from './corpus.js'
import {mutate} from './mutators.js'
import {Prng} from './prng.js'

const CHECK_TYPES = ['tcp', 'http', 'exec', 'rexec', 'sleep']
const LOCATED = /^[^\n]+:\d+:\d+: [^\n]+$/
/** A problem line a terminal can show: the file name, the position and a bounded message. */
const MAX_LINE = 2000

export type Verdict = {kind: 'valid'} | {kind: 'located'; first: string} | {kind: 'defect'; why: string}

export interface Finding {
  readonly seed: string
  readonly mutations: readonly string[]
  readonly why: string
  /** The input, to keep under test/fixtures/fuzz/ once fixed. */
  readonly text: string
}

export interface RoundReport {
  readonly tried: number
  readonly valid: number
  readonly located: number
  readonly findings: Finding[]
  readonly slowestMs: number
  readonly slowest: string
  readonly slowestText: string
}

function judgeIssues(issues: readonly ConfigIssue[]): Verdict {
  const errors = issues.filter((i) => i.severity === 'error')
  const lines = issues.map(formatIssue)
  const bad = lines.find((l) => !LOCATED.test(l) || l.length > MAX_LINE)
  if (bad !== undefined) return {kind: 'defect', why: `unlocated, multi-line or unbounded problem: ${JSON.stringify(bad.slice(0, 300))}`}
  return errors.length === 0 ? {kind: 'valid'} : {kind: 'located', first: formatIssue(errors[0])}
}

/** Loads one file the way `maestro validate` does and says whether the outcome is acceptable. */
export async function judge(file: string): Promise<Verdict> {
  try {
    const doc = await new YamlLoader().load(file, {env: {HOME: '/root', FUZZ: 'x'}})
    const {issues} = normalizeEnvironment(doc, {checkTypes: CHECK_TYPES, readFile: (p) => readFileSync(p, 'utf8')})
    return judgeIssues(issues)
  } catch (e) {
    if (!isMaestroError(e)) return {kind: 'defect', why: `uncaught ${(e as Error)?.name ?? typeof e}: ${String((e as Error)?.stack ?? e).slice(0, 600)}`}
    if (e.issues.length > 0) return judgeIssues(e.issues)
    return LOCATED.test(e.message) && e.message.length <= MAX_LINE ? {kind: 'located', first: e.message} : {kind: 'defect', why: `unlocated error: ${JSON.stringify(e.message.slice(0, 300))}`}
  }
}

/** A seeded round: `count` mutants of the seed corpus, each loaded in-process, every outcome judged. */
export async function runRound(seed: number, count: number, corpus: readonly Seed[] = seedCorpus()): Promise<RoundReport> {
  const rnd = new Prng(seed)
  const dir = mkdtempSync(join(tmpdir(), 'maestro-fuzz-'))
  const file = join(dir, 'env.yaml')
  const findings: Finding[] = []
  let valid = 0
  let located = 0
  let slowestMs = 0
  let slowest = ''
  let slowestText = ''
  try {
    for (let n = 0; n < count; n++) {
      const base = rnd.pick(corpus)
      const {text, applied} = mutate(base.text, rnd)
      writeFileSync(file, text)
      const started = performance.now()
      const verdict = await judge(file)
      const ms = performance.now() - started
      if (ms > slowestMs) [slowestMs, slowest, slowestText] = [ms, `${base.name} + ${applied.join(', ')}`, text]
      if (verdict.kind === 'valid') valid++
      else if (verdict.kind === 'located') located++
      else findings.push({seed: base.name, mutations: applied, why: verdict.why, text})
    }
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
  return {tried: count, valid, located, findings, slowestMs, slowest, slowestText}
}
