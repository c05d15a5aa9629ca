package vn.motcua.counter.adapters.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.PageImages;

/** A picture of an ID card as the clerk chose it, checked like any page before it is decoded. */
final class CardPictures {

    private CardPictures() {
    }

    static BufferedImage read(PageImages pages, byte[] image) {
        pages.inspect(image); // refuses empty, corrupt and oversized files with the usual messages
        try {
            return ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException e) {
            throw new CounterException("page.unreadable", e);
        }
    }
}
