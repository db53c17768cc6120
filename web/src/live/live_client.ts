// The live connection (GET /api/v1/live, a WebSocket): the clinic's events as they
// happen, for the screens that show them. It reconnects on its own (1 s, then up to
// 30 s apart) and asks for what it missed with the stream and the last sequence
// number it saw; when the server cannot replay them (it restarted, or too much
// happened) it says "resync" and every listener reloads what it shows.
//
// After the hello of a reconnection, listeners get a `live.reconnected` message, so a
// screen that must not miss anything (the session console, the station) can read
// again whatever the replay might not cover; other screens do not ask for it.
//
// Events are notifications (ids, a few values); a screen reads the rest through the
// API. Polling stays as the fallback: a screen never depends on this alone.

export interface LiveMessage {
  type: string;
  seq?: number;
  stream?: string;
  at?: string;
  data?: Record<string, unknown>;
}

export type LiveListener = (message: LiveMessage) => void;

/** What the client needs of a WebSocket (the browser's, or a test's fake). */
export interface SocketLike {
  onopen: ((this: unknown, ev: unknown) => unknown) | null;
  onmessage: ((this: unknown, ev: { data: unknown }) => unknown) | null;
  onclose: ((this: unknown, ev: unknown) => unknown) | null;
  onerror: ((this: unknown, ev: unknown) => unknown) | null;
  close(): void;
}

export interface LiveClientOptions {
  /** Opens a socket for a URL. */
  open?: (url: string) => SocketLike;
  /** The page's origin-relative base, e.g. "ws://host:port" (default: from location). */
  base?: string;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export const RECONNECT_FIRST_MS = 1_000;
export const RECONNECT_MAX_MS = 30_000;

export class LiveClient {
  private socket: SocketLike | null = null;
  private listeners = new Set<LiveListener>();
  private stream = '';
  private seq = 0;
  private delay = RECONNECT_FIRST_MS;
  private timer: unknown = null;
  private running = false;
  private helloSeen = false;
  private readonly open: (url: string) => SocketLike;
  private readonly base: string;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(options: LiveClientOptions = {}) {
    this.open = options.open ?? ((url) => new WebSocket(url) as unknown as SocketLike);
    this.base = options.base ?? `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}`;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  }

  /** The address of the next connection: with what was seen, so that nothing is missed. */
  url(): string {
    const query = this.stream ? `?stream=${encodeURIComponent(this.stream)}&since=${this.seq}` : '';
    return `${this.base}/api/v1/live${query}`;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.connect();
  }

  stop(): void {
    this.running = false;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    const socket = this.socket;
    this.socket = null;
    socket?.close();
  }

  /** Adds a listener for every message; returns its removal. */
  listen(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private connect(): void {
    if (!this.running) return;
    let socket: SocketLike;
    try {
      socket = this.open(this.url());
    } catch {
      this.retry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.delay = RECONNECT_FIRST_MS;
    };
    socket.onmessage = (ev) => this.receive(ev.data);
    socket.onerror = () => {};
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.retry();
    };
  }

  private retry(): void {
    if (!this.running) return;
    const delay = this.delay;
    this.delay = Math.min(this.delay * 2, RECONNECT_MAX_MS);
    this.timer = this.setTimer(() => {
      this.timer = null;
      this.connect();
    }, delay);
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: LiveMessage;
    try {
      message = JSON.parse(data) as LiveMessage;
    } catch {
      return;
    }
    if (typeof message.type !== 'string') return;
    if (message.type === 'hello' || message.type === 'resync') {
      if (typeof message.stream === 'string') this.stream = message.stream;
      // On hello the missed events follow and move seq on; a resync starts afresh.
      if (message.type === 'resync' || this.seq === 0) this.seq = message.seq ?? 0;
      if (message.type === 'hello') {
        const reconnected = this.helloSeen;
        this.helloSeen = true;
        if (!reconnected) return;
        message = { type: 'live.reconnected', stream: this.stream, seq: this.seq };
      }
    } else if (typeof message.seq === 'number') {
      this.seq = Math.max(this.seq, message.seq);
    }
    for (const listener of this.listeners) listener(message);
  }
}

let shared: LiveClient | null = null;
const appListeners = new Set<LiveListener>();

/** Starts the app's one live connection (after sign-in). */
export function startLive(client: LiveClient = new LiveClient()): LiveClient {
  shared?.stop();
  shared = client;
  client.listen((m) => {
    for (const listener of appListeners) listener(m);
  });
  client.start();
  return client;
}

/** Stops it (sign-out). */
export function stopLive(): void {
  shared?.stop();
  shared = null;
}

/**
 * Calls `onChange` when an event whose type starts with one of `prefixes` arrives,
 * or when the server says to reload everything. Returns the removal. Nothing
 * arrives while no live connection runs: a screen keeps its own polling too.
 */
export function onLiveChange(prefixes: readonly string[], onChange: (message: LiveMessage) => void): () => void {
  const listener: LiveListener = (m) => {
    if (m.type === 'resync' || prefixes.some((p) => m.type.startsWith(p))) onChange(m);
  };
  appListeners.add(listener);
  return () => appListeners.delete(listener);
}
