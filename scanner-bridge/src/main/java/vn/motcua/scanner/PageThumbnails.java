package vn.motcua.scanner;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Small previews for the page strip, made as pages arrive. */
public final class PageThumbnails {

    private PageThumbnails() {
    }

    /**
     * Scales in halving steps, then once bilinearly: one bilinear step from 2480 px to 160 px would skip most
     * source pixels and turn text into noise; halving keeps it legible and costs little.
     */
    public static BufferedImage of(BufferedImage page, int maxWidth) {
        BufferedImage current = page;
        int type = page.getType() == BufferedImage.TYPE_BYTE_GRAY || page.getType() == BufferedImage.TYPE_BYTE_BINARY
                ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB;
        while (current.getWidth() / 2 >= maxWidth) {
            current = scale(current, current.getWidth() / 2, current.getHeight() / 2, type);
        }
        if (current.getWidth() > maxWidth) {
            int height = Math.max(1, Math.round(current.getHeight() * (float) maxWidth / current.getWidth()));
            current = scale(current, maxWidth, height, type);
        }
        return current == page ? scale(page, page.getWidth(), page.getHeight(), type) : current;
    }

    private static BufferedImage scale(BufferedImage source, int width, int height, int type) {
        BufferedImage target = new BufferedImage(width, height, type);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
