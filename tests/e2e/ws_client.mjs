// A minimal WebSocket client for the black-box tests (Node 20 has none without a
// flag): the RFC 6455 handshake over node:http, then text frames read into a queue.
// Client frames are masked, as the RFC requires. Not a test file itself.
import http from 'node:http';
import { randomBytes, createHash } from 'node:crypto';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/**
 * Opens `url` (http://host:port/path?query) as a WebSocket with extra `headers`.
 * Resolves with a socket ({ next(timeoutMs), nothingWithin(ms), close() }) on 101, or
 * with { status, json } when the server answers the handshake with an HTTP error.
 */
export function openWebSocket(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const key = randomBytes(16).toString('base64');
    const req = http.request(url, {
      headers: {
        Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': key, ...headers,
      },
    });
    req.on('upgrade', (res, socket, head) => {
      const accept = createHash('sha1').update(key + GUID).digest('base64');
      if (res.headers['sec-websocket-accept'] !== accept) {
        socket.destroy();
        reject(new Error('bad Sec-WebSocket-Accept'));
        return;
      }
      resolve(new TestSocket(socket, head));
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => {
        let json = null;
        try { json = JSON.parse(body); } catch { /* not JSON */ }
        resolve({ status: res.statusCode, json, text: body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

class TestSocket {
  constructor(socket, head) {
    this.status = 101;
    this.socket = socket;
    this.buffer = head && head.length ? Buffer.from(head) : Buffer.alloc(0);
    this.messages = [];
    this.waiters = [];
    this.closed = false;
    socket.on('data', (d) => { this.buffer = Buffer.concat([this.buffer, d]); this.parse(); });
    socket.on('close', () => { this.closed = true; this.wake(); });
    socket.on('error', () => {});
    this.parse();
  }

  parse() {
    for (;;) {
      if (this.buffer.length < 2) return;
      const opcode = this.buffer[0] & 0x0f;
      let len = this.buffer[1] & 0x7f;
      let offset = 2;
      if (len === 126) {
        if (this.buffer.length < 4) return;
        len = this.buffer.readUInt16BE(2);
        offset = 4;
      } else if (len === 127) {
        if (this.buffer.length < 10) return;
        len = Number(this.buffer.readBigUInt64BE(2));
        offset = 10;
      }
      if (this.buffer.length < offset + len) return;
      const payload = this.buffer.subarray(offset, offset + len);
      this.buffer = this.buffer.subarray(offset + len);
      if (opcode === 1) this.messages.push(JSON.parse(payload.toString('utf8')));
      else if (opcode === 8) { this.closeCode = len >= 2 ? payload.readUInt16BE(0) : null; this.socket.end(); }
      else if (opcode === 9) this.send(10, payload);  // ping: pong
      this.wake();
    }
  }

  wake() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  send(opcode, payload = Buffer.alloc(0)) {
    const mask = randomBytes(4);
    const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]));
    this.socket.write(Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | masked.length]), mask, masked]));
  }

  /** The next message (parsed JSON); rejects after `timeoutMs` or when closed. */
  next(timeoutMs = 3000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no live message in time')), timeoutMs);
      const attempt = () => {
        if (this.messages.length) { clearTimeout(timer); resolve(this.messages.shift()); return; }
        if (this.closed) { clearTimeout(timer); reject(new Error(`closed (code ${this.closeCode ?? 'none'})`)); return; }
        this.waiters.push(attempt);
      };
      attempt();
    });
  }

  /** True when no message arrives within `ms`. */
  async nothingWithin(ms) {
    await new Promise((r) => setTimeout(r, ms));
    return this.messages.length === 0;
  }

  close() {
    if (!this.closed) this.send(8, Buffer.from([0x03, 0xe8]));
    this.socket.destroy();
  }
}
