import { Duplex } from 'node:stream';

/**
 * Two connected in-memory streams: what one side writes, the other reads. The platform's own MQTT
 * client talks to the embedded broker through a pair, so it works without any TCP port (port 0).
 */
export function duplexPair(): [Duplex, Duplex] {
  const sides: Duplex[] = [];
  const peerOf = (index: number): Duplex => sides[1 - index] as Duplex;
  const side = (index: number): Duplex =>
    new Duplex({
      read() {},
      write(chunk: Buffer, _encoding, callback) {
        const peer = peerOf(index);
        if (!peer.destroyed) peer.push(chunk);
        callback();
      },
      final(callback) {
        peerOf(index).push(null);
        callback();
      },
      destroy(error, callback) {
        // Either end closing closes the connection, as a socket would.
        const peer = peerOf(index);
        if (!peer.destroyed) peer.destroy();
        callback(error);
      },
    });
  sides.push(side(0), side(1));
  return [sides[0] as Duplex, sides[1] as Duplex];
}
