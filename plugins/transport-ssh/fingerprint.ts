import {createHash} from 'node:crypto'

/** OpenSSH-style fingerprint of a public key blob: `SHA256:` + unpadded base64 of its SHA-256. */
export function fingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`
}

/** The key type written at the start of an SSH public key blob (`ssh-ed25519`, `ssh-rsa`, …). */
export function blobKeyType(blob: Buffer): string | undefined {
  if (blob.length < 4) return undefined
  const len = blob.readUInt32BE(0)
  if (len === 0 || len > 64 || blob.length < 4 + len) return undefined
  return blob.subarray(4, 4 + len).toString('latin1')
}
