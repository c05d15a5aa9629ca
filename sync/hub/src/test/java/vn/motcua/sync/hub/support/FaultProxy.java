package vn.motcua.sync.hub.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback between the client and the hub that makes the link bad: a rate limit per direction,
 * a one-way delay, connections cut after a random number of upstream bytes (a bounded number of times), cuts on
 * demand, stalls, and the link down (every connection closed as it comes). It counts the bytes it forwards each
 * way. Daemon threads; {@link #close()} stops everything. Used by the sync client's tests and the counter's.
 */
public final class FaultProxy implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Random random;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public volatile long bytesPerSecond;          // 0: unlimited, per direction, shared by all connections
    public volatile long delayMillis;             // one-way delay
    public volatile boolean stalled;              // nothing moves while set
    public volatile boolean dropAnswers;          // the hub's first answer byte cuts the connection (answer lost)
    private volatile boolean down;                // every new connection is closed at once (no link)
    private volatile long cutMin;
    private volatile long cutMax;
    private final AtomicInteger cutsLeft = new AtomicInteger();
    public final AtomicInteger cuts = new AtomicInteger();
    public final AtomicLong upstream = new AtomicLong();        // delivered to the hub
    public final AtomicLong upstreamTaken = new AtomicLong();   // taken from the counters, with what a cut then lost
    public final AtomicLong downstream = new AtomicLong();
    public final AtomicInteger connections = new AtomicInteger();
    private final Bucket upBucket = new Bucket();
    private final Bucket downBucket = new Bucket();

    public FaultProxy(int targetPort, long seed) throws IOException {
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        this.random = new Random(seed);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofPlatform().daemon().name("fault-proxy-accept").start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    public java.net.URI uri() {
        return java.net.URI.create("http://127.0.0.1:" + port());
    }

    /** The next {@code n} connections are each cut after a random number of upstream bytes in [min, max]. */
    public void cutRandomly(int n, long min, long max) {
        cutMin = min;
        cutMax = max;
        cutsLeft.set(n);
    }

    /** The link goes down (every open connection cut, every new one closed at once) or comes back. */
    public void down(boolean value) {
        down = value;
        if (value) {
            cutAll();
        }
    }

    /** Cuts every open connection now. */
    public void cutAll() {
        for (Socket s : open) {
            closeQuietly(s);
        }
        cuts.incrementAndGet();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (down) {
                    closeQuietly(client);
                    continue;
                }
                Socket hub = new Socket();
                hub.connect(target, 5000);
                client.setTcpNoDelay(true);
                hub.setTcpNoDelay(true);
                open.add(client);
                open.add(hub);
                connections.incrementAndGet();
                long cutAt = Long.MAX_VALUE;
                if (cutsLeft.getAndUpdate(v -> Math.max(0, v - 1)) > 0) {
                    synchronized (random) {
                        cutAt = cutMin + (long) (random.nextDouble() * (cutMax - cutMin));
                    }
                }
                pump(client, hub, upstreamTaken, upstream, upBucket, cutAt, false);
                pump(hub, client, new AtomicLong(), downstream, downBucket, Long.MAX_VALUE, true);
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private record Piece(long due, byte[] data) {
    }

    private void pump(Socket from, Socket to, AtomicLong taken, AtomicLong counter, Bucket bucket, long cutAt, boolean answers) {
        BlockingQueue<Piece> queue = new ArrayBlockingQueue<>(64);
        Piece end = new Piece(0, new byte[0]);
        Thread.ofPlatform().daemon().name("fault-proxy-read").start(() -> {
            try (InputStream in = from.getInputStream()) {
                byte[] buf = new byte[4096];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    taken.addAndGet(n);
                    queue.put(new Piece(System.nanoTime() + delayMillis * 1_000_000, java.util.Arrays.copyOf(buf, n)));
                }
            } catch (IOException | InterruptedException ignored) {
                // cut or closed
            } finally {
                try {
                    queue.put(end);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Thread.ofPlatform().daemon().name("fault-proxy-write").start(() -> {
            long sent = 0;
            try (OutputStream out = to.getOutputStream()) {
                while (true) {
                    Piece p = queue.poll(30, TimeUnit.SECONDS);
                    if (p == null) {
                        if (from.isClosed()) {
                            break;
                        }
                        continue;
                    }
                    if (p == end) {
                        break;
                    }
                    long wait = p.due() - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    while (stalled && !to.isClosed()) {
                        Thread.sleep(20);
                    }
                    if (answers && dropAnswers) {   // the hub has answered (and committed); the counter never hears it
                        cuts.incrementAndGet();
                        closeQuietly(from);
                        closeQuietly(to);
                        return;
                    }
                    byte[] data = p.data();
                    int off = 0;
                    while (off < data.length) {
                        int n = Math.min(1024, data.length - off);
                        if (sent + n > cutAt) {
                            n = (int) (cutAt - sent);
                            if (n > 0) {
                                out.write(data, off, n);
                                counter.addAndGet(n);
                            }
                            cuts.incrementAndGet();
                            closeQuietly(from);
                            closeQuietly(to);
                            return;
                        }
                        bucket.take(n, bytesPerSecond);
                        out.write(data, off, n);
                        counter.addAndGet(n);
                        sent += n;
                        off += n;
                    }
                    out.flush();
                }
            } catch (IOException | InterruptedException ignored) {
                // cut or closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    /** Rate limit by pacing: each direction's bytes leave no faster than the rate. */
    private static final class Bucket {
        private long nextFree = System.nanoTime();

        void take(int n, long rate) throws InterruptedException {
            if (rate <= 0) {
                return;
            }
            long wait;
            synchronized (this) {
                long now = System.nanoTime();
                nextFree = Math.max(nextFree, now) + n * 1_000_000_000L / rate;
                wait = nextFree - now - n * 1_000_000_000L / rate;
            }
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            closeQuietly(s);
        }
        acceptor.interrupt();
    }
}
