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
        // each queued pixel's row start, so the flood never divides
        int[] rows = new int[queue.length];
        // the eight neighbours' offsets and their rows' offsets, for pixels off the border (nearly all)
        int[] around = {-w - 1, -w, -w + 1, -1, 1, w - 1, w, w + 1};
        int[] aroundRow = {-w, -w, -w, 0, 0, w, w, w};
        int removed = 0;
        for (int start = 0; start < ink.length; start++) {
            if (ink[start] != 1) {
                continue;
            }
            // flood the component (8-connected); its bounding box is tracked in x and in row offsets
            int head = 0;
            int tail = 0;
            int startX = start % w;
            queue[tail] = start;
            rows[tail++] = start - startX;
            ink[start] = 2;
            int minX = startX;
            int maxX = startX;
            int minRow = start - startX;
            int maxRow = minRow;
            while (head < tail) {
                int row = rows[head];
                int p = queue[head++];
                int px = p - row;
                minX = Math.min(minX, px);
                maxX = Math.max(maxX, px);
                minRow = Math.min(minRow, row);
                maxRow = Math.max(maxRow, row);
                if (tail + 8 > queue.length) {
                    queue = java.util.Arrays.copyOf(queue, queue.length * 2);
                    rows = java.util.Arrays.copyOf(rows, queue.length);
                }
                if (px > 0 && px < w - 1 && row > 0 && row < ink.length - w) {
                    for (int k = 0; k < 8; k++) {
                        int q = p + around[k];
                        if (ink[q] == 1) {
                            ink[q] = 2;
                            rows[tail] = row + aroundRow[k];
                            queue[tail++] = q;
                        }
                    }
                } else {
                    tail = floodAtBorder(ink, w, h, px, row / w, queue, rows, tail);
                }
            }
            int minY = minRow / w;
            int maxY = maxRow / w;
            boolean small = maxX - minX < maxSide && maxY - minY < maxSide;
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

    private static int floodAtBorder(byte[] ink, int w, int h, int px, int py, int[] queue, int[] rows, int tail) {
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
                    rows[tail] = ny * w;
                    queue[tail++] = q;
                }
            }
        }
        return tail;
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
