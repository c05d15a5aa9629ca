package vn.motcua.sync.hub.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies in milliseconds and their percentiles, for the benchmarks' printouts. */
final class Stats {
    private final List<Double> ms = Collections.synchronizedList(new ArrayList<>());

    void add(long nanos) {
        ms.add(nanos / 1e6);
    }

    int count() {
        return ms.size();
    }

    double percentile(double p) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p / 100 * sorted.size()) - 1));
    }

    String summary() {
        return String.format(java.util.Locale.ROOT, "n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms", count(), percentile(50), percentile(95), percentile(100));
    }
}
