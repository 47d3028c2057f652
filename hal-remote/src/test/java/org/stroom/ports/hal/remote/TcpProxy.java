package org.stroom.ports.hal.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP forwarder between a Server and a Node, so tests can break the network without
 * stopping either process: {@link #cut()} closes every connection (the peers see a reset and
 * reconnect at once), {@link #blackhole()} keeps connections open but drops every byte (the peers
 * see silence, as with a pulled cable), {@link #restore()} forwards again from fresh connections.
 */
final class TcpProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean blackholed;
    private volatile boolean closed;

    TcpProxy(int targetPort) throws IOException {
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Closes every connection now; new ones are forwarded. */
    void cut() {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        sockets.clear();
    }

    /** Drops every byte on every connection, existing and new, until {@link #restore()}. */
    void blackhole() {
        blackholed = true;
    }

    /** Forwards again; connections that lost bytes are closed, so peers start clean ones. */
    void restore() {
        blackholed = false;
        cut();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        cut();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket in = listener.accept();
                Socket out = new Socket();
                try {
                    out.connect(target, 2_000);
                } catch (IOException refused) { // the target is down: so is this connection
                    in.close();
                    continue;
                }
                sockets.add(in);
                sockets.add(out);
                pump(in, out);
                pump(out, in);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(
                () -> {
                    byte[] buf = new byte[16 * 1024];
                    try (InputStream i = from.getInputStream();
                            OutputStream o = to.getOutputStream()) {
                        int n;
                        while ((n = i.read(buf)) >= 0) {
                            if (!blackholed) {
                                o.write(buf, 0, n);
                                o.flush();
                            }
                        }
                    } catch (IOException e) {
                        // one side closed: close the other
                    } finally {
                        try {
                            from.close();
                            to.close();
                        } catch (IOException ignored) {
                            // already closed
                        }
                    }
                },
                "proxy-pump");
        t.setDaemon(true);
        t.start();
    }
}
