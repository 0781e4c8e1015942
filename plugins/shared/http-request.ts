import {request as httpRequestRaw, type IncomingHttpHeaders} from 'node:http'
import {request as httpsRequestRaw} from 'node:https'

export interface HttpRequest {
  readonly url: string
  readonly method?: string
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string
  /** Whole-request timeout. */
  readonly timeoutMs?: number
  /** Verify TLS certificates (default true); a string is a CA bundle (PEM text). */
  readonly verify?: boolean | string
  /** Follow up to 10 redirects (default false). */
  readonly followRedirects?: boolean
  readonly signal?: AbortSignal
}

export interface HttpResponse {
  readonly status: number
  readonly headers: IncomingHttpHeaders
  readonly body: string
}

/** One HTTP(S) request with node's own client (so TLS verification and timeouts are controllable). */
export async function httpRequest(req: HttpRequest, redirects = 0): Promise<HttpResponse> {
  const res = await once(req)
  const location = res.headers.location
  if (req.followRedirects && location && res.status >= 300 && res.status < 400 && redirects < 10) {
    const next = new URL(location, req.url)
    const keep = res.status === 307 || res.status === 308
    const headers = next.origin === new URL(req.url).origin ? req.headers : withoutCredentials(req.headers)
    return httpRequest({...req, url: next.toString(), headers, method: keep ? req.method : 'GET', body: keep ? req.body : undefined}, redirects + 1)
  }
  return res
}

const CREDENTIALS = new Set(['authorization', 'proxy-authorization', 'cookie'])

/** Headers for another origin: credentials stay with the origin they were written for (as browsers and curl do). */
const withoutCredentials = (headers: HttpRequest['headers']): HttpRequest['headers'] =>
  headers && Object.fromEntries(Object.entries(headers).filter(([k]) => !CREDENTIALS.has(k.toLowerCase())))

function once(req: HttpRequest): Promise<HttpResponse> {
  const url = new URL(req.url)
  const send = url.protocol === 'https:' ? httpsRequestRaw : httpRequestRaw
  const tls = url.protocol === 'https:' ? {rejectUnauthorized: req.verify !== false, ...(typeof req.verify === 'string' ? {ca: req.verify} : {})} : {}
  const headers: Record<string, string> = {...req.headers}
  if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body))
  return new Promise((resolve, reject) => {
    const r = send(url, {method: (req.method ?? 'GET').toUpperCase(), headers, signal: req.signal, ...tls}, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('error', reject)
      res.on('end', () => {
        clearTimeout(timer)
        resolve({status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8')})
      })
    })
    const timer = req.timeoutMs === undefined ? undefined : setTimeout(() => r.destroy(new Error(`timed out after ${req.timeoutMs} ms`)), req.timeoutMs)
    r.on('error', (e) => {
      clearTimeout(timer)
      reject(e)
    })
    r.end(req.body)
  })
}
