/** Flag builders shared by the commands, with the upstream short options (reference §1). */
import {Flags} from '@oclif/core'

export const globalFlags = {
  file: Flags.string({char: 'f', description: 'environment description file (`-` reads stdin)', default: 'maestro.yaml', env: 'MAESTRO_FILE', helpGroup: 'GLOBAL'}),
  debug: Flags.boolean({description: 'show stack traces and debug messages', env: 'MAESTRO_DEBUG', helpGroup: 'GLOBAL'}),
  reporter: Flags.string({description: 'output reporter, `name` or `name=file` (repeatable)', multiple: true, default: ['console'], helpGroup: 'GLOBAL'}),
  'reporter-option': Flags.string({description: 'an option for a selected reporter, `name.key=value` (repeatable)', multiple: true, default: [], helpGroup: 'GLOBAL'}),
  progress: Flags.option({options: ['auto', 'tty', 'plain'] as const, description: 'live table redraw with progress (tty) or one line per finished container (plain)', default: 'auto', helpGroup: 'GLOBAL'})(),
  color: Flags.boolean({description: 'colour output (NO_COLOR also disables it)', allowNo: true, default: true, helpGroup: 'GLOBAL'}),
  scheduler: Flags.string({description: 'the scheduler plugin that orders the actions of a play', default: 'dag', env: 'MAESTRO_SCHEDULER', helpGroup: 'GLOBAL'}),
  timeout: Flags.integer({description: 'give up after this many seconds: nothing new starts, actions in flight finish, exit 1', min: 1, env: 'MAESTRO_TIMEOUT', helpGroup: 'GLOBAL'}),
  'accept-new-host-keys': Flags.boolean({description: 'SSH ships: trust unknown host keys and record them in known_hosts (never a changed key)', helpGroup: 'GLOBAL'}),
}

export const concurrency = () => Flags.integer({char: 'c', description: 'act on at most N containers at a time', min: 1})
export const withDependencies = (what = 'dependencies') =>
  Flags.boolean({char: 'd', description: `include the ${what} of the given things`, exclusive: ['ignore-dependencies']})
export const ignoreDependencies = () => Flags.boolean({char: 'i', description: 'ignore dependency order (act on everything at once)'})
export const containerFilter = () => Flags.string({char: 'C', description: 'only containers whose name matches this glob'})
export const shipFilter = () => Flags.string({char: 'S', description: 'only containers on ships whose name matches this glob'})
export const expandServices = () => Flags.boolean({char: 's', description: 'accept service names (act on all their instances)'})
export const all = () => Flags.boolean({char: 'a', description: 'act on every service when no thing is given'})
/** `-a` on the commands that act on everything by default: accepted for the same command lines as stop and kill. */
export const allByDefault = () => Flags.boolean({char: 'a', description: 'act on every service (the default when no thing is given)'})
export const refreshImages = () => Flags.boolean({char: 'r', description: 'always pull the image before creating', exclusive: ['reuse']})
export const reuse = () => Flags.boolean({description: 'start an existing stopped container instead of recreating it', exclusive: ['refresh-images']})
export const keepFailed = () => Flags.boolean({description: 'leave a container that fails its running checks running, for debugging (default: it is stopped)'})
export const removeOrphans = () => Flags.boolean({description: 'also remove the containers of services or instances no longer in the file (orphans)'})
export const json = (what: string) => Flags.boolean({description: `print ${what} as JSON`})

/** `-a -c -d -i -C -S`: the selection flags of status, start, pull, clean and plan. */
export const selectionFlags = (deps = 'dependencies') => ({
  all: allByDefault(),
  concurrency: concurrency(),
  'with-dependencies': withDependencies(deps),
  'ignore-dependencies': ignoreDependencies(),
  'container-filter': containerFilter(),
  'ship-filter': shipFilter(),
})

/** stop, kill and restart act on dependents and need -s/-a for services. */
export const reverseSelectionFlags = () => ({
  ...selectionFlags('dependents'),
  'expand-services': expandServices(),
  all: all(),
})
