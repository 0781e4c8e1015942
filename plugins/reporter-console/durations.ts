/** Upstream-style compact durations: `14s`, `3m2s`, `2h5m`, `3d4h`. */
export function formatAge(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  if (s < 60) return `${s}s`
  if (s < 3600) return `${Math.floor(s / 60)}m${s % 60}s`
  if (s < 86_400) return `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m`
  return `${Math.floor(s / 86_400)}d${Math.floor((s % 86_400) / 3600)}h`
}

/** Elapsed wall time of a play: `0.3s`, `4.2s`, `1m5s`. */
export function formatElapsed(ms: number): string {
  const m = Math.max(0, ms)
  if (m < 60_000) return `${(Math.round(m / 100) / 10).toFixed(1)}s`
  return formatAge(m / 1000)
}
