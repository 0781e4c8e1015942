/** Pure formatting of the upstream status table: `  #  INSTANCE  SERVICE  SHIP  CONTAINER  STATUS`. */
import {paint, statusStyle} from './colors.js'

export interface Row {
  readonly number: number
  readonly instance: string
  readonly service: string
  readonly ship: string
  readonly container: string
  readonly status: string
}

export const HEADER = ['#', 'INSTANCE', 'SERVICE', 'SHIP', 'CONTAINER', 'STATUS'] as const

export interface Widths {
  readonly number: number
  readonly instance: number
  readonly service: number
  readonly ship: number
  readonly container: number
}

/** Column widths fitting the header and every row (the status column is last and not padded). */
export function columnWidths(rows: readonly Omit<Row, 'status'>[]): Widths {
  const w = (pick: (r: Omit<Row, 'status'>) => string, title: string) => Math.max(title.length, ...rows.map((r) => pick(r).length))
  return {
    number: Math.max(3, ...rows.map((r) => String(r.number).length)),
    instance: w((r) => r.instance, 'INSTANCE'),
    service: w((r) => r.service, 'SERVICE'),
    ship: w((r) => r.ship, 'SHIP'),
    container: w((r) => r.container, 'CONTAINER'),
  }
}

const join = (cells: readonly string[]) => cells.join('  ').replace(/\s+$/, '')

export function formatHeader(w: Widths, color = false): string {
  const [n, i, s, sh, c, st] = HEADER
  return paint('bold', join([n.padStart(w.number), i.padEnd(w.instance), s.padEnd(w.service), sh.padEnd(w.ship), c.padEnd(w.container), st]), color)
}

/** One table line; with `maxWidth` the status is cut so the line never wraps (live redraw counts lines). */
export function formatRow(r: Row, w: Widths, color = false, maxWidth = 0): string {
  const cells = [String(r.number).padStart(w.number), r.instance.padEnd(w.instance), r.service.padEnd(w.service), r.ship.padEnd(w.ship), r.container.padEnd(w.container)]
  const prefix = cells.join('  ') + '  '
  const room = maxWidth > 0 ? Math.max(1, maxWidth - 1 - prefix.length) : Infinity
  const status = r.status.length > room ? r.status.slice(0, room) : r.status
  return join([...cells, paint(statusStyle(r.status), status, color)])
}

/** The tag part of an image reference (`latest` when untagged). */
export function imageTag(image: string): string {
  const at = image.indexOf('@')
  const ref = at >= 0 ? image.slice(0, at) : image
  const slash = ref.lastIndexOf('/')
  const colon = ref.lastIndexOf(':')
  return colon > slash ? ref.slice(colon + 1) : 'latest'
}

/** CONTAINER column: `<tag>:<7-char id>`, or `-` when the container does not exist. */
export const containerCell = (image: string, id?: string): string => (id ? `${imageTag(image)}:${id.slice(0, 7)}` : '-')

