import { describe, expect, it } from 'vitest';
import { LiveFeed, type LiveClient } from './live-feed';

function client(ip: string, buffered = 0) {
  const received: string[] = [];
  let ended = false;
  const value: LiveClient = {
    ip,
    write: (chunk) => {
      received.push(chunk);
      return buffered;
    },
    end: () => {
      ended = true;
    },
  };
  return { value, received, ended: () => ended };
}

describe('LiveFeed', () => {
  const options = { maxClients: 2, maxClientsPerIp: 1, heartbeatMs: 20, maxBufferedBytes: 100 };

  it('admits up to the caps and frees them when clients leave', () => {
    const feed = new LiveFeed(options);
    const a = client('10.0.0.1');
    feed.add(a.value);
    expect(feed.admit('10.0.0.1')).toBe('ip_full');
    feed.add(client('10.0.0.2').value);
    expect(feed.admit('10.0.0.3')).toBe('full');
    feed.remove(a.value);
    expect(feed.admit('10.0.0.1')).toBe('ok');
    feed.close();
    expect(feed.clientCount).toBe(0);
  });

  it('writes events and heartbeat comments, and drops a client that cannot keep up', async () => {
    const active: boolean[] = [];
    const feed = new LiveFeed({ ...options, maxClients: 5, onActive: (on) => active.push(on) });
    const fast = client('10.0.0.1');
    const slow = client('10.0.0.2', 1000);
    feed.add(fast.value);
    feed.add(slow.value);
    feed.publish('incident', { id: 1 });
    expect(fast.received).toContain('event: incident\ndata: {"id":1}\n\n');
    expect(slow.ended()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(fast.received).toContain(': heartbeat\n\n');
    expect(() => feed.publish('bad\nname', {})).toThrow();
    feed.close();
    expect(active).toEqual([true, false]);
  });
});
