import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay in front of Redis that counts what its clients send: round trips (on each connection, a
 * request that follows a reply; node-redis sends whatever is issued in one tick together, so with one turn
 * at a time this is the number of times the turn waited for Redis) and commands (top-level RESP arrays).
 * It measures every store of a process pointed at it, whatever client or script sends them.
 */
export class RedisCounter {
  roundTrips = 0;
  commands = 0;
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  constructor(
    private readonly upstreamHost: string,
    private readonly upstreamPort: number,
  ) {}

  async start(): Promise<string> {
    this.server = createServer((client) => this.relay(client));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as { port: number };
    return `redis://127.0.0.1:${port}`;
  }

  reset(): void {
    this.roundTrips = 0;
    this.commands = 0;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private relay(client: Socket): void {
    const upstream = createConnection(this.upstreamPort, this.upstreamHost);
    const parser = new CommandCounter();
    // A request that arrives in several chunks before any reply is still one round trip.
    let replied = true;
    this.sockets.add(client).add(upstream);
    client.on('data', (chunk: Buffer) => {
      if (replied) this.roundTrips += 1;
      replied = false;
      this.commands += parser.feed(chunk);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      replied = true;
      client.write(chunk);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  }
}

/**
 * Counts the commands in a client's RESP stream: each is an array (`*N`) of bulk strings (`$len`), so only
 * the headers need reading and every payload is skipped by its length, across chunk boundaries.
 */
class CommandCounter {
  private pending = Buffer.alloc(0);
  /** Payload bytes (plus CRLF) still to skip. */
  private skip = 0;

  feed(chunk: Buffer): number {
    let buffer = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    let commands = 0;
    for (;;) {
      if (this.skip > 0) {
        const skipped = Math.min(this.skip, buffer.length);
        this.skip -= skipped;
        buffer = buffer.subarray(skipped);
        if (this.skip > 0) break;
      }
      const end = buffer.indexOf('\r\n');
      if (end < 0) break;
      const header = buffer.subarray(0, end).toString('latin1');
      buffer = buffer.subarray(end + 2);
      if (header[0] === '*') commands += 1;
      else if (header[0] === '$') this.skip = Number(header.slice(1)) + 2;
    }
    this.pending = Buffer.from(buffer);
    return commands;
  }
}
