package vn.motcua.scanner;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Converts driver images to the standard types pages promise (some decoders return TYPE_CUSTOM). */
public final class PageImages {

    private PageImages() {
    }

    /** RGB for colour, byte grey for grey, byte binary for line art; returns the image itself if already so. */
    public static BufferedImage toStandard(BufferedImage image, ColorMode mode) {
        int wanted = switch (mode) {
            case COLOR -> BufferedImage.TYPE_INT_RGB;
            case GRAY -> BufferedImage.TYPE_BYTE_GRAY;
            case LINEART -> BufferedImage.TYPE_BYTE_BINARY;
        };
        if (image.getType() == wanted) {
            return image;
        }
        BufferedImage converted = new BufferedImage(image.getWidth(), image.getHeight(), wanted);
        Graphics2D g = converted.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return converted;
    }
}
