package vn.motcua.sync.client;

/** A token bucket shared by every request body of one client: at most {@code rate} bytes per second, bursts of one second. */
final class Throttle {
    private final long rate;
    private double tokens;
    private long last = System.nanoTime();

    Throttle(long bytesPerSecond) {
        this.rate = bytesPerSecond;
        this.tokens = 0;
    }

    /** Blocks until {@code n} bytes may go. */
    synchronized void acquire(int n) throws java.io.InterruptedIOException {
        if (rate <= 0) {
            return;
        }
        while (true) {
            long now = System.nanoTime();
            tokens = Math.min(rate, tokens + (now - last) / 1e9 * rate);
            last = now;
            if (tokens >= n || (n > rate && tokens >= rate)) {
                tokens -= n;
                return;
            }
            long waitNanos = (long) ((Math.min(n, rate) - tokens) / rate * 1e9);
            try {
                wait(Math.max(1, waitNanos / 1_000_000), 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while throttled");
            }
        }
    }
}
