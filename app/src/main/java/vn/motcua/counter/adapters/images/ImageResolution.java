package vn.motcua.counter.adapters.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * A page image's resolution, kept in the file itself (PNG {@code pHYs}, JPEG JFIF density, TIFF resolution) so the
 * electronic copy shows the page at its paper size: page size = pixels / dpi.
 */
public final class ImageResolution {

    private static final double MM_PER_INCH = 25.4;
    private static final String STANDARD = IIOMetadataFormatImpl.standardMetadataFormatName;
    private static final String PNG = "javax_imageio_png_1.0";

    private ImageResolution() {
    }

    /** The resolution the file declares, or 0 when it declares none or an implausible one. */
    public static int dpi(ImageReader reader) {
        try {
            var root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree(STANDARD);
            var nodes = root.getElementsByTagName("HorizontalPixelSize");
            if (nodes.getLength() > 0) {
                float mmPerPixel = Float.parseFloat(((IIOMetadataNode) nodes.item(0)).getAttribute("value"));
                int dpi = (int) Math.round(MM_PER_INCH / mmPerPixel);
                return dpi >= 72 && dpi <= 1200 ? dpi : 0;
            }
        } catch (IOException | RuntimeException e) {
            // no usable resolution in the file
        }
        return 0;
    }

    /** A lossless PNG of the image declaring {@code dpi} in its {@code pHYs} chunk (none when dpi is 0). */
    public static byte[] png(BufferedImage image, int dpi) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (var bytes = new ByteArrayOutputStream()) {
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    null);
            if (dpi > 0) {
                // the PNG format's own pHYs node: the JDK writer turns the standard tree's pixel size into a wrong
                // pixels-per-metre (0.127 mm became 127 px/m here)
                IIOMetadataNode phys = new IIOMetadataNode("pHYs");
                String perMetre = Long.toString(Math.round(dpi / MM_PER_INCH * 1000));
                phys.setAttribute("pixelsPerUnitXAxis", perMetre);
                phys.setAttribute("pixelsPerUnitYAxis", perMetre);
                phys.setAttribute("unitSpecifier", "meter");
                IIOMetadataNode root = new IIOMetadataNode(PNG);
                root.appendChild(phys);
                metadata.mergeTree(PNG, root);
            }
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, metadata), null);
            }
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }
}
