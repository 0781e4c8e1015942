import {normalizeEnvironment, type NormalizeOptions} from '../../src/model/normalize.js'
import type {Container, Environment} from '../../src/model/types.js'
import {formatIssue} from '../../src/api/errors.js'
import {yamlDocument} from './yaml-doc.js'

/** Normalizes YAML text; throws with the formatted issues when it has errors. */
export function envFrom(text: string, options: NormalizeOptions = {}): Environment {
  const r = normalizeEnvironment(yamlDocument(text), options)
  if (!r.environment) throw new Error(r.issues.map(formatIssue).join('\n'))
  return r.environment
}

/** The formatted issues of YAML text (file name `env.yaml`). */
export function issuesOf(text: string, options: NormalizeOptions = {}): string[] {
  return normalizeEnvironment(yamlDocument(text, 'env.yaml', '/env'), options).issues.map(formatIssue)
}

/** A one-instance environment whose instance `web-1` has the given YAML keys (indented flow or block). */
export function instanceYaml(keys: string, serviceKeys = ''): string {
  const indent = (s: string, n: number) => s.split('\n').filter((l) => l.trim() !== '').map((l) => ' '.repeat(n) + l).join('\n')
  return [
    '__maestro: {schema: 2}',
    'name: test',
    'ships:',
    '  ship1: {ip: 10.0.0.1}',
    '  ship2: {ip: 10.0.0.2}',
    'services:',
    '  web:',
    '    image: nginx:1.25',
    indent(serviceKeys, 4),
    '    instances:',
    '      web-1:',
    '        ship: ship1',
    indent(keys, 8),
  ].filter((l) => l !== '').join('\n') + '\n'
}

export const web1 = (keys: string, serviceKeys = '', options: NormalizeOptions = {}): Container =>
  envFrom(instanceYaml(keys, serviceKeys), options).containers['web-1']
