package vn.motcua.scanner.hotfolder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.NodeList;

/** JPEG, PNG and (multi-page) TIFF through the JDK's ImageIO readers. */
final class ImagePageFile implements PageFile {

    private final ImageInputStream input;
    private final ImageReader reader;

    ImagePageFile(Path file) throws IOException {
        input = ImageIO.createImageInputStream(file.toFile());
        if (input == null) {
            throw new IOException("cannot open " + file.getFileName());
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        if (!readers.hasNext()) {
            input.close();
            throw new IOException("no image reader for " + file.getFileName());
        }
        reader = readers.next();
        reader.setInput(input, false, false);
    }

    @Override
    public int pageCount() throws IOException {
        return reader.getNumImages(true);
    }

    /** The size comes from the header first: a file declaring more than {@link PageFile#MAX_PIXELS} is not decoded. */
    @Override
    public BufferedImage readPage(int index) throws IOException {
        PageFile.checkPixels(reader.getWidth(index), reader.getHeight(index));
        return reader.read(index);
    }

    @Override
    public int dpi(int index, int fallback) throws IOException {
        IIOMetadata metadata = reader.getImageMetadata(index);
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return fallback;
        }
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
        NodeList sizes = root.getElementsByTagName("HorizontalPixelSize");
        if (sizes.getLength() == 0) {
            return fallback;
        }
        // The standard format gives millimetres per pixel.
        float mmPerPixel = Float.parseFloat(((IIOMetadataNode) sizes.item(0)).getAttribute("value"));
        int dpi = Math.round(25.4f / mmPerPixel);
        return dpi >= 50 && dpi <= 2400 ? dpi : fallback;
    }

    @Override
    public void close() throws IOException {
        reader.dispose();
        input.close();
    }
}
