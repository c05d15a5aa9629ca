package vn.motcua.scanner.sane;

/**
 * SANE_Parameters of the frame about to be read.
 *
 * @param format 0 grey, 1 RGB, 2/3/4 the red/green/blue frame of a three-pass scan
 * @param lines -1 when the backend does not know the length in advance (sheet-fed with length detection)
 */
record SaneParameters(int format, boolean lastFrame, int bytesPerLine, int pixelsPerLine, int lines, int depth) {

    static final int GRAY = 0;
    static final int RGB = 1;
    static final int RED = 2;

    /** Bytes the frame should have; a hint only when lines is unknown. */
    int expectedBytes() {
        return lines > 0 ? bytesPerLine * lines : bytesPerLine * 256;
    }
}
