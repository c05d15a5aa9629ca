package vn.motcua.counter.adapters.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A ruled table whose cells wrap; rows that do not fit continue on a new page under a repeated header row. Used by
 * the supplement request, the control slip and the tracking book.
 */
final class PdfTable {

    private static final float PADDING = 4f;
    private static final float PAGE_TOP = 50f;
    private static final float PAGE_BOTTOM_MARGIN = 45f;

    private final PdfCanvas c;
    private final float[] edges;
    private final String[] heads;
    private final float size;
    private final float leading;

    /** {@code widths} in points, left to right, starting at {@code left}. */
    PdfTable(PdfCanvas c, float left, float[] widths, String[] heads, float size) {
        if (widths.length != heads.length) {
            throw new IllegalArgumentException("one heading per column");
        }
        this.c = c;
        this.heads = heads;
        this.size = size;
        this.leading = size * 1.25f;
        this.edges = new float[widths.length + 1];
        edges[0] = left;
        for (int i = 0; i < widths.length; i++) {
            edges[i + 1] = edges[i] + widths[i];
        }
    }

    /** Draws the header and {@code rows} from {@code top}; returns the baseline of the line after the table. */
    float draw(float top, List<String[]> rows) throws IOException {
        float y = row(top, heads, true);
        for (String[] cells : rows) {
            if (y + height(cells, false) > c.height - PAGE_BOTTOM_MARGIN) {
                c.newPage();
                y = row(PAGE_TOP, heads, true);
            }
            y = row(y, cells, false);
        }
        return y + 18;
    }

    private float height(String[] cells, boolean head) {
        int lines = 1;
        for (int i = 0; i < cells.length; i++) {
            lines = Math.max(lines, lines(cells[i], i, head).size());
        }
        return lines * leading + 2 * PADDING;
    }

    private List<String> lines(String text, int column, boolean head) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        float inner = edges[column + 1] - edges[column] - 2 * PADDING;
        List<String> lines = new ArrayList<>();
        for (String part : text.split("\n")) {
            lines.addAll(c.wrap(head ? c.bold : c.regular, part, inner, inner, size));
        }
        return lines;
    }

    private float row(float top, String[] cells, boolean head) throws IOException {
        float bottom = top + height(cells, head);
        for (int i = 0; i < cells.length; i++) {
            List<String> lines = lines(cells[i], i, head);
            for (int l = 0; l < lines.size(); l++) {
                float baseline = top + PADDING + size * 0.85f + l * leading;
                if (head) {
                    c.centred(c.bold, size, (edges[i] + edges[i + 1]) / 2, baseline, lines.get(l));
                } else {
                    c.text(c.regular, size, edges[i] + PADDING, baseline, lines.get(l));
                }
            }
        }
        c.line(edges[0], top, edges[edges.length - 1], top, 0.6f);
        c.line(edges[0], bottom, edges[edges.length - 1], bottom, 0.6f);
        for (float x : edges) {
            c.line(x, top, x, bottom, 0.6f);
        }
        return bottom;
    }
}
