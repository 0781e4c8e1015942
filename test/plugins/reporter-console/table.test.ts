import {expect} from 'chai'
import {columnWidths, containerCell, formatHeader, formatRow, imageTag} from '../../../plugins/reporter-console/table.js'
import {stripAnsi} from '../../../plugins/reporter-console/colors.js'

const row = {number: 1, instance: 'zk-1', service: 'zookeeper', ship: 'vm1', container: 'latest:0123456', status: 'up for 14s'}

describe('table', () => {
  it('prints the upstream header and aligned rows', () => {
    const w = columnWidths([row, {...row, number: 2, instance: 'kafka-broker-1', service: 'kafka'}])
    expect(formatHeader(w)).to.equal('  #  INSTANCE        SERVICE    SHIP  CONTAINER       STATUS')
    expect(formatRow(row, w)).to.equal('  1  zk-1            zookeeper  vm1   latest:0123456  up for 14s')
  })

  it('colours only the status, and only when asked', () => {
    const w = columnWidths([row])
    const coloured = formatRow(row, w, true)
    expect(coloured).to.contain('\x1b[36mup for 14s\x1b[0m')
    expect(stripAnsi(coloured)).to.equal(formatRow(row, w, false))
    expect(formatRow(row, w, false)).not.to.match(/\x1b/)
  })

  it('cuts the status so a line fits the terminal width', () => {
    const w = columnWidths([row])
    const line = formatRow({...row, status: 'x'.repeat(200)}, w, false, 60)
    expect(line.length).to.equal(59)
  })

  it('derives the CONTAINER cell from the image tag and a 7-char id', () => {
    expect(imageTag('redis')).to.equal('latest')
    expect(imageTag('redis:7.2')).to.equal('7.2')
    expect(imageTag('registry:5000/team/app')).to.equal('latest')
    expect(imageTag('registry:5000/team/app:v1')).to.equal('v1')
    expect(containerCell('redis:7.2', '0123456789abcdef')).to.equal('7.2:0123456')
    expect(containerCell('redis:7.2')).to.equal('-')
  })
})
