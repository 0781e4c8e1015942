/**
 * The fault tests' two-ship chain: gate (ship1) becomes ready only once the test creates /tmp/go in it, so a fault
 * injected before that lands between `a` (up on ship2) and `b` (ship2, requires a and gate); top (ship1) requires b.
 * `extra` adds services of the test's own (YAML at the services' indentation).
 */
export function gatedChainServices(image: string, p: string, extra = ''): string {
  return `services:
  gate:
    image: ${image}
    instances:
      ${p}-gate-1:
        ship: ship1
        command: sleep 86400
        stop_timeout: 1
        lifecycle: {running: [{type: rexec, command: 'test -f /tmp/go', attempts: 120}]}
  a:
    image: ${image}
    instances: {${p}-a-1: {ship: ship2, command: sleep 86400, stop_timeout: 1}}
  b:
    image: ${image}
    requires: [a, gate]
    instances: {${p}-b-1: {ship: ship2, command: sleep 86400, stop_timeout: 1}}
  top:
    image: ${image}
    requires: [b]
    instances: {${p}-top-1: {ship: ship1, command: sleep 86400, stop_timeout: 1}}
${extra}`
}
