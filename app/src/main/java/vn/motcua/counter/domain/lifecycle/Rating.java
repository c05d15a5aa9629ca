package vn.motcua.counter.domain.lifecycle;

/**
 * A citizen's satisfaction with one dossier. The label and the scale size are kept with the level, so a rating stays
 * readable after the counter's scale changes.
 *
 * @param level 1 = best
 */
public record Rating(int level, String label, int scaleSize) {
}
