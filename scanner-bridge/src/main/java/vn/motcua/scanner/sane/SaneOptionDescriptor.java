package vn.motcua.scanner.sane;

import java.util.List;

/**
 * One SANE_Option_Descriptor. Numbers are raw words: a FIXED option's words are value × 65536.
 *
 * @param index the option number used in CONTROL_OPTION
 * @param words the WORD_LIST constraint (without its leading count), else empty
 * @param strings the STRING_LIST constraint, else empty
 * @param range min, max, quant of a RANGE constraint, else null
 */
record SaneOptionDescriptor(int index, String name, int type, int size, int capabilities, int constraintType,
                            int[] range, List<Integer> words, List<String> strings) {

    static final int TYPE_BOOL = 0;
    static final int TYPE_INT = 1;
    static final int TYPE_FIXED = 2;
    static final int TYPE_STRING = 3;
    static final int TYPE_BUTTON = 4;
    static final int TYPE_GROUP = 5;
    static final int CONSTRAINT_RANGE = 1;
    static final int CONSTRAINT_WORD_LIST = 2;
    static final int CONSTRAINT_STRING_LIST = 3;
    private static final int CAP_SOFT_SELECT = 1;
    private static final int CAP_INACTIVE = 32;

    boolean active() {
        return (capabilities & CAP_INACTIVE) == 0;
    }

    boolean settable() {
        return (capabilities & CAP_SOFT_SELECT) != 0;
    }

    boolean fixed() {
        return type == TYPE_FIXED;
    }

    /** A raw word of this option as a number (unfixed for FIXED options). */
    double number(int word) {
        return fixed() ? word / 65536.0 : word;
    }

    /** A number as this option's raw word. */
    int word(double value) {
        return fixed() ? (int) Math.round(value * 65536) : (int) Math.floor(value);
    }

    List<Double> numberList() {
        return words.stream().map(this::number).toList();
    }

    boolean hasRange() {
        return constraintType == CONSTRAINT_RANGE && range != null;
    }

    double rangeMin() {
        return number(range[0]);
    }

    double rangeMax() {
        return number(range[1]);
    }
}
