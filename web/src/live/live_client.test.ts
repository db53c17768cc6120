import { describe, expect, it } from 'vitest';
import { LiveClient, onLiveChange, RECONNECT_FIRST_MS, startLive, stopLive, type SocketLike } from './live_client';

class FakeSocket implements SocketLike {
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  closed = false;
  constructor(readonly url: string) {}
  close() {
    this.closed = true;
  }
  serverSends(message: object) {
    this.onmessage?.call(this, { data: JSON.stringify(message) });
  }
  drop() {
    this.onclose?.call(this, {});
  }
}

function harness() {
  const sockets: FakeSocket[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const client = new LiveClient({
    base: 'ws://clinic.test',
    open: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    setTimer: (fn, ms) => {
      timers.push({ fn, ms });
      return timers.length;
    },
    clearTimer: () => {},
  });
  return { client, sockets, timers };
}

describe('LiveClient', () => {
  it('delivers events after the hello and reconnects asking for what it missed', () => {
    const { client, sockets, timers } = harness();
    const got: string[] = [];
    client.listen((m) => got.push(`${m.type}:${m.seq ?? ''}`));
    client.start();
    expect(sockets[0]?.url).toBe('ws://clinic.test/api/v1/live');
    sockets[0]?.serverSends({ type: 'hello', stream: 'abc', seq: 4 });
    sockets[0]?.serverSends({ type: 'task.raised', seq: 5, data: { task_id: 't1' } });
    expect(got).toEqual(['task.raised:5']);

    sockets[0]?.drop();
    expect(timers[0]?.ms).toBe(RECONNECT_FIRST_MS);
    timers[0]?.fn();
    expect(sockets[1]?.url).toBe('ws://clinic.test/api/v1/live?stream=abc&since=5');
    // The hello of a reconnect carries the newest number; the missed events follow it.
    sockets[1]?.serverSends({ type: 'hello', stream: 'abc', seq: 7 });
    sockets[1]?.drop();
    timers[1]?.fn();
    expect(sockets[2]?.url).toBe('ws://clinic.test/api/v1/live?stream=abc&since=5');
    expect(timers[1]?.ms).toBe(2 * RECONNECT_FIRST_MS);
  });

  it('passes a resync on and starts from its number', () => {
    const { client, sockets, timers } = harness();
    const got: string[] = [];
    client.listen((m) => got.push(m.type));
    client.start();
    sockets[0]?.serverSends({ type: 'hello', stream: 'abc', seq: 2 });
    sockets[0]?.drop();
    timers[0]?.fn();
    sockets[1]?.serverSends({ type: 'resync', stream: 'xyz', seq: 1 });
    expect(got).toEqual(['resync']);
    sockets[1]?.drop();
    timers[1]?.fn();
    expect(sockets[2]?.url).toBe('ws://clinic.test/api/v1/live?stream=xyz&since=1');
  });

  it('ignores what is not a message, and stops for good', () => {
    const { client, sockets, timers } = harness();
    const got: string[] = [];
    client.listen((m) => got.push(m.type));
    client.start();
    sockets[0]?.onmessage?.call(sockets[0], { data: 'not json' });
    sockets[0]?.onmessage?.call(sockets[0], { data: 42 });
    sockets[0]?.serverSends({ no: 'type' });
    expect(got).toEqual([]);
    client.stop();
    expect(sockets[0]?.closed).toBe(true);
    sockets[0]?.drop();
    expect(timers).toHaveLength(0);
  });
});

describe('after a reconnection', () => {
  it('tells the listeners that asked for live. once the new connection says hello', () => {
    const { client, sockets, timers } = harness();
    const got: string[] = [];
    client.listen((m) => got.push(m.type));
    client.start();
    sockets[0]?.serverSends({ type: 'hello', stream: 'abc', seq: 4 });
    expect(got).toEqual([]);
    sockets[0]?.drop();
    timers[0]?.fn();
    sockets[1]?.serverSends({ type: 'hello', stream: 'abc', seq: 6 });
    sockets[1]?.serverSends({ type: 'alarm.raised', seq: 5 });
    expect(got).toEqual(['live.reconnected', 'alarm.raised']);
  });
});

describe('onLiveChange', () => {
  it('calls back for matching events and resyncs, registered before or after the start', () => {
    const { client, sockets } = harness();
    let changes = 0;
    const remove = onLiveChange(['task.'], () => changes++);
    startLive(client);
    sockets[0]?.serverSends({ type: 'hello', stream: 's', seq: 0 });
    sockets[0]?.serverSends({ type: 'task.raised', seq: 1 });
    sockets[0]?.serverSends({ type: 'session.state', seq: 2 });
    sockets[0]?.serverSends({ type: 'resync', stream: 's', seq: 2 });
    expect(changes).toBe(2);
    remove();
    sockets[0]?.serverSends({ type: 'task.acknowledged', seq: 3 });
    expect(changes).toBe(2);
    stopLive();
    expect(sockets[0]?.closed).toBe(true);
  });
});
