package vn.motcua.sync.client;

/**
 * The size of the next tus PATCH, grown to the link's measured rate. Each PATCH waits one round trip for its
 * answer before the next may start (tus offsets allow one writer), so a fixed small chunk on a slow, long-delay
 * link spends a large share of its time waiting: 256 KiB at 1 Mbit/s with a 600 ms round trip idles 22 % of the
 * time. A chunk sized to {@link #TARGET_SECONDS} of link keeps that share near 7 %, and costs nothing on a cut
 * because the hub keeps what a cut PATCH brought.
 */
final class ChunkSizer {
    static final double TARGET_SECONDS = 8;

    private final int smallest;
    private final int largest;
    private volatile int next;

    /** Starts at {@code smallest}, never leaves [{@code smallest}, {@code largest}]. */
    ChunkSizer(int smallest, int largest) {
        if (largest < smallest) {
            throw new IllegalArgumentException("largest chunk below the smallest");
        }
        this.smallest = smallest;
        this.largest = largest;
        this.next = smallest;
    }

    int next() {
        return next;
    }

    /**
     * The next PATCH's length with {@code remaining} bytes of the file left: the whole rest when it is at most half a
     * chunk more, since a short last PATCH costs a whole round trip for little.
     */
    int lengthFor(long remaining) {
        int chunk = next;
        return remaining <= chunk + chunk / 2L ? (int) remaining : chunk;
    }

    /**
     * A PATCH of {@code bytes} was answered {@code nanos} after it started. A file's short tail says more of the
     * round trip than of the rate, so only a PATCH of at least the smallest chunk teaches.
     */
    void answered(int bytes, long nanos) {
        if (bytes < smallest || nanos <= 0) {
            return;
        }
        double rate = bytes / (nanos / 1e9);
        next = (int) Math.max(smallest, Math.min(largest, rate * TARGET_SECONDS));
    }
}
