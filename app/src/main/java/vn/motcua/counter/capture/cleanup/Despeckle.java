package vn.motcua.counter.capture.cleanup;

/**
 * Removes isolated ink specks (dust, sensor noise): components at most ~0.4 mm on a side with no other ink within
 * ~0.85 mm. The isolation test is what protects Vietnamese tone marks and the dot of "i", which are as small as
 * dust but always sit next to their letter.
 */
public final class Despeckle {

    private Despeckle() {
    }

    /**
     * Clears small components in place and returns how many were removed. Kept ink is marked 2 instead of 1
     * (visited), which saves a second page-sized array; every reader treats non-zero as ink.
     */
    public static int apply(BinaryImage img, int dpi) {
        return apply(img, dpi, null);
    }

    /** Same, also reporting each removed pixel's index to {@code removed} (used to clean colour pages). */
    public static int apply(BinaryImage img, int dpi, java.util.function.IntConsumer removedPixel) {
        int maxSide = Math.max(2, dpi / 60);
        int halo = Math.max(3, dpi / 30);
        int w = img.width();
        int h = img.height();
        byte[] ink = img.ink();
        int[] queue = new int[4096];
        int removed = 0;
        for (int start = 0; start < ink.length; start++) {
            if (ink[start] != 1) {
                continue;
            }
            // flood the component (8-connected), giving up on its shape once it is too big to be a speck
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            ink[start] = 2;
            int minX = start % w;
            int maxX = minX;
            int minY = start / w;
            int maxY = minY;
            boolean small = true;
            while (head < tail) {
                int p = queue[head++];
                int px = p % w;
                int py = p / w;
                minX = Math.min(minX, px);
                maxX = Math.max(maxX, px);
                minY = Math.min(minY, py);
                maxY = Math.max(maxY, py);
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = py + dy;
                    if (ny < 0 || ny >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = px + dx;
                        if (nx < 0 || nx >= w) {
                            continue;
                        }
                        int q = ny * w + nx;
                        if (ink[q] == 1) {
                            ink[q] = 2;
                            if (tail == queue.length) {
                                queue = java.util.Arrays.copyOf(queue, queue.length * 2);
                            }
                            queue[tail++] = q;
                        }
                    }
                }
            }
            small = maxX - minX < maxSide && maxY - minY < maxSide;
            if (small && isolated(ink, w, h, minX - halo, minY - halo, maxX + halo, maxY + halo, queue, tail)) {
                for (int i = 0; i < tail; i++) {
                    ink[queue[i]] = 0;
                    if (removedPixel != null) {
                        removedPixel.accept(queue[i]);
                    }
                }
                removed++;
            }
        }
        return removed;
    }

    /** No ink in the box other than the component's own {@code count} pixels listed in {@code own}. */
    private static boolean isolated(byte[] ink, int w, int h, int x0, int y0, int x1, int y1, int[] own, int count) {
        int found = 0;
        for (int y = Math.max(0, y0); y <= Math.min(h - 1, y1); y++) {
            for (int x = Math.max(0, x0); x <= Math.min(w - 1, x1); x++) {
                found += ink[y * w + x] != 0 ? 1 : 0;
            }
        }
        return found == count;
    }
}
