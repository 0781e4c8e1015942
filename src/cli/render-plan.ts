/**
 * Text rendering of a plan (pure): one line per container, then each changed field: lists element by element
 * (`- "3600"`, `+ "7200"`), other fields before -> after. On a terminal each line starts with its marker
 * (`+` create, `-/+` recreate, `~` start, stop, kill or restart, `-` remove), coloured unless colour is off.
 */
import type {PlanAction, PlanStep} from '../plan/build-plan.js'
import type {ConfigChange} from '../plan/diff.js'
import type {OrphanAction} from '../plan/decide-orphan.js'
import {listDiff, showElement} from './list-diff.js'
import {paint} from '../logs/colors.js'

export interface PlanStyle {
  /** Terraform-like markers in front of each line (on a terminal). */
  readonly markers: boolean
  readonly color: boolean
}

const PLAIN: PlanStyle = {markers: false, color: false}
const GREEN = 32
const YELLOW = 33
const RED = 31
const DIM = 2

const MARK: Readonly<Record<PlanAction | OrphanAction, readonly [string, number | undefined]>> = {
  create: ['+', GREEN], recreate: ['-/+', YELLOW], start: ['~', YELLOW], nothing: ['', undefined],
  remove: ['-', RED], stop: ['~', YELLOW], kill: ['~', YELLOW], restart: ['~', YELLOW], keep: ['', undefined],
}

const show = (v: unknown): string => (v === undefined ? '(unset)' : typeof v === 'string' ? v : JSON.stringify(v))

const change = (c: ConfigChange): string =>
  c.summary !== undefined ? c.summary : c.sensitive ? '(sensitive value changed)' : `${c.beforeUnknown ? '(not recorded)' : show(c.before)} -> ${show(c.after)}`

/** The lines of one changed field, indented under its container. */
function changeLines(c: ConfigChange, style: PlanStyle): string[] {
  const elements = c.summary === undefined && !c.sensitive && !c.beforeUnknown ? listDiff(c.field, c.before, c.after) : undefined
  if (!elements) return [`    ${c.field}: ${change(c)}`]
  return [
    `    ${c.field}:`,
    ...elements.removed.map((e) => `      ${paint(`- ${showElement(e)}`, style.color ? RED : undefined)}`),
    ...elements.added.map((e) => `      ${paint(`+ ${showElement(e)}`, style.color ? GREEN : undefined)}`),
  ]
}

/** `-/+ ` (padded so names line up) or nothing off a terminal. */
function marker(action: PlanAction | OrphanAction, style: PlanStyle): string {
  if (!style.markers) return ''
  const [text, code] = MARK[action]
  return `${paint(text.padEnd(3), style.color ? code : undefined)} `
}

export function renderPlan(steps: readonly PlanStep[], style: PlanStyle = PLAIN): string {
  if (steps.length === 0) return 'nothing selected'
  const w = {
    name: Math.max(...steps.map((s) => s.container.length)),
    ship: Math.max(...steps.map((s) => s.ship.length)),
    action: Math.max(...steps.map((s) => s.action.length)),
  }
  const lines: string[] = []
  for (const s of steps) {
    const action = paint(s.action.padEnd(w.action), style.color ? (MARK[s.action][1] ?? DIM) : undefined)
    lines.push(`${marker(s.action, style)}${s.container.padEnd(w.name)}  ${s.ship.padEnd(w.ship)}  ${action}  ${s.reason}`)
    for (const c of s.changes) lines.push(...changeLines(c, style).map((l) => (style.markers ? `    ${l}` : l)))
  }
  const changing = steps.filter((s) => s.action !== 'nothing').length
  lines.push(changing === 0 ? 'nothing to change' : `${changing} of ${steps.length} container${steps.length === 1 ? '' : 's'} would change`)
  return lines.join('\n')
}

/** An orphan after the plan: `not placed by the file: db-1 on ship1 (Up 3 hours): remove: moved to ship2`. */
export function renderOrphan(o: {readonly container: string; readonly ship: string; readonly status: string; readonly action: OrphanAction; readonly reason: string}, style: PlanStyle = PLAIN): string {
  return `${marker(o.action, style)}not placed by the file: ${o.container} on ${o.ship} (${o.status}): ${o.action}: ${o.reason}`
}
