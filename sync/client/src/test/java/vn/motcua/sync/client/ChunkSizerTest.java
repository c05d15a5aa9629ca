package vn.motcua.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChunkSizerTest {
    private static final int KIB = 1024;

    @Test
    void aChunkGrowsToEightSecondsOfTheMeasuredLinkWithinItsBounds() {
        ChunkSizer sizer = new ChunkSizer(256 * KIB, 4096 * KIB);
        assertThat(sizer.next()).isEqualTo(256 * KIB);
        sizer.answered(256 * KIB, 2_000_000_000L);          // 128 KiB/s
        assertThat(sizer.next()).isEqualTo(1024 * KIB);
        sizer.answered(1024 * KIB, 100_000_000L);           // 10 MiB/s: capped
        assertThat(sizer.next()).isEqualTo(4096 * KIB);
        sizer.answered(4096 * KIB, 400_000_000_000L);       // the link got very slow: never below the smallest
        assertThat(sizer.next()).isEqualTo(256 * KIB);
    }

    @Test
    void aFilesShortTailTeachesNothing() {
        ChunkSizer sizer = new ChunkSizer(256 * KIB, 4096 * KIB);
        sizer.answered(256 * KIB, 1_000_000_000L);
        int learned = sizer.next();
        sizer.answered(10 * KIB, 700_000_000L);             // mostly a round trip
        assertThat(sizer.next()).isEqualTo(learned);
    }

    @Test
    void largestAtTheSmallestKeepsEveryChunkTheSame() {
        ChunkSizer sizer = new ChunkSizer(256 * KIB, 256 * KIB);
        sizer.answered(256 * KIB, 1_000_000L);
        assertThat(sizer.next()).isEqualTo(256 * KIB);
    }

    @Test
    void aShortRestGoesWithTheLastChunk() {
        ChunkSizer sizer = new ChunkSizer(256 * KIB, 4096 * KIB);
        assertThat(sizer.lengthFor(1_000_000)).isEqualTo(256 * KIB);
        assertThat(sizer.lengthFor(384 * KIB)).isEqualTo(384 * KIB);
        assertThat(sizer.lengthFor(384 * KIB + 1)).isEqualTo(256 * KIB);
        assertThat(sizer.lengthFor(10)).isEqualTo(10);
    }
}
