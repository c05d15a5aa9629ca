package vn.motcua.counter.adapters.images;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Opens the first ImageIO reader for an image's bytes (metadata included), and closes it after the work. */
public final class ImageReaders {

    @FunctionalInterface
    public interface Work<T> {
        T with(ImageReader reader) throws IOException;
    }

    private ImageReaders() {
    }

    /** @throws IOException when no reader knows the format, or the work fails */
    public static <T> T read(byte[] content, Work<T> work) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("not an image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, false);
                return work.with(reader);
            } finally {
                reader.dispose();
            }
        }
    }
}
