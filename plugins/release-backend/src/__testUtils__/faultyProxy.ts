import net from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that a test can cut and restore, as a
 * network partition or a database restart would: cutting drops every open
 * connection and refuses new ones until restored.
 */
export async function startFaultyProxy(target: { host: string; port: number }) {
  let up = true;
  const open = new Set<net.Socket>();
  const server = net.createServer(client => {
    if (!up) {
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    cut() {
      up = false;
      for (const socket of open) socket.destroy();
    },
    restore() {
      up = true;
    },
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
