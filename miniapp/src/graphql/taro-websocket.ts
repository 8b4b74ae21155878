import Taro from '@tarojs/taro'

// A WebSocket-shaped class over Taro.connectSocket for graphql-ws (`webSocketImpl`).
// Taro.connectSocket answers a Promise of the SocketTask, so calls made before it arrives
// are remembered; graphql-ws only sends after onopen, so nothing needs queueing but close.

interface CloseEventLike { code: number; reason: string; wasClean: boolean }

export class TaroWebSocket {
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSING = 2
  static readonly CLOSED = 3
  readonly CONNECTING = 0
  readonly OPEN = 1
  readonly CLOSING = 2
  readonly CLOSED = 3

  readyState = 0
  readonly url: string
  protocol = ''
  onopen: ((event: object) => void) | null = null
  onmessage: ((event: { data: string }) => void) | null = null
  onerror: ((event: { message: string }) => void) | null = null
  onclose: ((event: CloseEventLike) => void) | null = null

  private task: Taro.SocketTask | null = null
  private pendingClose: { code: number; reason: string } | null = null

  constructor(url: string, protocols?: string | string[]) {
    this.url = url
    const list = typeof protocols === 'string' ? [protocols] : protocols ?? []
    this.protocol = list[0] ?? ''
    Taro.connectSocket({ url, protocols: list.length ? list : undefined, tcpNoDelay: true })
      .then((task) => this.attach(task))
      .catch((err: { errMsg?: string }) => {
        this.emitError(err?.errMsg ?? 'connectSocket failed')
        this.emitClose({ code: 1006, reason: err?.errMsg ?? '', wasClean: false })
      })
  }

  private attach(task: Taro.SocketTask) {
    this.task = task
    task.onOpen(() => this.handleOpen())
    task.onMessage((res) => {
      const data = typeof res.data === 'string' ? res.data : String(res.data)
      this.onmessage?.({ data })
    })
    task.onError((res) => this.emitError(res?.errMsg ?? 'socket error'))
    task.onClose((res) => this.emitClose({ code: res?.code ?? 1006, reason: res?.reason ?? '', wasClean: res?.code === 1000 }))
    if (this.pendingClose) {
      task.close(this.pendingClose)
    } else if (task.readyState === 1) {
      // the promise resolves a tick after wx's success callback: the socket may be open already
      this.handleOpen()
    }
  }

  private handleOpen() {
    if (this.readyState !== 0) return
    this.readyState = 1
    this.onopen?.({})
  }

  private emitError(message: string) {
    this.onerror?.({ message })
  }

  private emitClose(event: CloseEventLike) {
    if (this.readyState === 3) return
    this.readyState = 3
    this.onclose?.(event)
  }

  send(data: string) {
    if (this.readyState !== 1 || !this.task) throw new Error('WebSocket is not open')
    this.task.send({ data })
  }

  close(code = 1000, reason = '') {
    if (this.readyState >= 2) return
    this.readyState = 2
    if (this.task) this.task.close({ code, reason })
    else this.pendingClose = { code, reason }
  }
}
