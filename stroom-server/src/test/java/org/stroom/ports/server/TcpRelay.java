package org.stroom.ports.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on loopback between clients and one target port, which a test cuts and restores: the network
 * between two machines fails while both keep running. Cut, every relayed connection is closed and each new one
 * is closed as soon as it is accepted; restored, new connections are relayed again.
 *
 * <pre>
 *  client ──▶ relay port ──accept thread──▶ target
 *                 └─ per connection: two pump threads (client→target, target→client); either end closing
 *                    closes both sockets
 * </pre>
 *
 * <p>Thread-safety: safe from any thread.
 */
final class TcpRelay implements AutoCloseable {
    private final int target;
    private final ServerSocket listener;
    private final Thread acceptor;
    private final Object lock = new Object();
    private final List<Socket> sockets = new ArrayList<>();
    private final AtomicLong relayed = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private boolean open = true;
    private volatile boolean closed;

    private TcpRelay(int target) {
        this.target = target;
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("TcpRelay: cannot listen on loopback for target port " + target, e);
        }
        this.acceptor = new Thread(this::acceptLoop, "relay-" + listener.getLocalPort() + "-accept");
        acceptor.setDaemon(true);
    }

    /**
     * @param targetPort the loopback port connections are relayed to
     * @return a relay, open, listening on a free loopback port
     */
    static TcpRelay start(int targetPort) {
        TcpRelay r = new TcpRelay(targetPort);
        r.acceptor.start();
        return r;
    }

    /** @return the loopback port clients connect to */
    int port() {
        return listener.getLocalPort();
    }

    /** @return connections relayed to the target so far */
    long relayed() {
        return relayed.get();
    }

    /** @return connections closed on arrival because the relay was cut */
    long refused() {
        return refused.get();
    }

    /** Closes every relayed connection and refuses new ones until {@link #restore()}. */
    void cut() {
        synchronized (lock) {
            open = false;
            sockets.forEach(TcpRelay::quietlyClose);
            sockets.clear();
        }
    }

    /** Relays new connections again. */
    void restore() {
        synchronized (lock) {
            open = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        cut();
        quietlyClose(listener);
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            Socket upstream = null;
            if (isOpen()) {
                try {
                    upstream = new Socket();
                    upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target));
                } catch (IOException e) {
                    quietlyClose(upstream);
                    upstream = null;
                }
            }
            if (upstream == null || !register(client, upstream)) {
                refused.incrementAndGet();
                quietlyClose(client);
                quietlyClose(upstream);
                continue;
            }
            relayed.incrementAndGet();
            pump(client, upstream, "up");
            pump(upstream, client, "down");
        }
    }

    private boolean isOpen() {
        synchronized (lock) {
            return open;
        }
    }

    /** Registers both ends, unless the relay was cut meanwhile (a cut must not miss a connection). */
    private boolean register(Socket a, Socket b) {
        synchronized (lock) {
            if (!open) {
                return false;
            }
            sockets.add(a);
            sockets.add(b);
            return true;
        }
    }

    private void pump(Socket from, Socket to, String direction) {
        Thread t = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        for (int n; (n = in.read(buffer)) >= 0; ) {
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // cut, or one end went away: both sockets close below
                    } finally {
                        quietlyClose(from);
                        quietlyClose(to);
                        synchronized (lock) {
                            sockets.remove(from);
                            sockets.remove(to);
                        }
                    }
                },
                "relay-" + listener.getLocalPort() + "-" + direction);
        t.setDaemon(true);
        t.start();
    }

    private static void quietlyClose(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            // closing is all that is wanted; a socket already closed is fine
        }
    }
}
