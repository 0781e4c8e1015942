import {envFrom} from './model-env.js'

/** zk <- kafka <- web; web also needs cfg (omitted) and takes volumes from data; tools is omitted and wanted only. */
export const SELECTION_ENV = envFrom(`
__maestro: {schema: 2}
name: sel
ships: {s1: {ip: 10.0.0.1}, s2: {ip: 10.0.0.2}}
services:
  zk: {image: zk, instances: {zk-1: {ship: s1}, zk-2: {ship: s2}}}
  kafka: {image: kafka, requires: [zk], instances: {kafka-1: {ship: s1}, kafka-2: {ship: s2}}}
  web: {image: web, requires: [kafka, cfg], wants_info: [tools], instances: {web-1: {ship: s1, volumes_from: data-1}}}
  data: {image: busybox, instances: {data-1: {ship: s1, container_volumes: /d}}}
  cfg: {image: cfg, omit: true, instances: {cfg-1: {ship: s2}}}
  tools: {image: tools, omit: true, instances: {tools-1: {ship: s2}}}
`)
