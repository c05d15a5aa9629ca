package vn.motcua.counter.domain.lifecycle;

import java.util.Arrays;
import java.util.List;

/**
 * The satisfaction levels (mức độ hài lòng) a citizen chooses from when the result is returned, best first. The
 * default has three levels; provinces that use a five-level survey configure their own.
 */
public record SatisfactionScale(List<String> levels) {

    public static final SatisfactionScale DEFAULT =
            new SatisfactionScale(List.of("Hài lòng", "Bình thường", "Không hài lòng"));

    public SatisfactionScale {
        levels = List.copyOf(levels);
        if (levels.size() < 2 || levels.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a satisfaction scale needs at least two named levels");
        }
    }

    /** Levels separated by {@code ;}, as written in {@code motcua.properties}. */
    public static SatisfactionScale parse(String text) {
        return new SatisfactionScale(Arrays.stream(text.split(";")).map(String::strip).toList());
    }

    /** The rating for level {@code level} (1 = best). */
    public Rating rate(int level) {
        if (level < 1 || level > levels.size()) {
            throw new IllegalArgumentException("level " + level + " is not on a scale of " + levels.size());
        }
        return new Rating(level, levels.get(level - 1), levels.size());
    }
}
