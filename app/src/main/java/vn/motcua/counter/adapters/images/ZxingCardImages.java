package vn.motcua.counter.adapters.images;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.port.CardImages;
import vn.motcua.counter.application.port.PageImages;

/** Decodes the card's QR code with ZXing, trying the image as it is and turned by quarter turns. */
public final class ZxingCardImages implements CardImages {

    private static final Logger LOG = LoggerFactory.getLogger(ZxingCardImages.class);
    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
            DecodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());

    private final PageImages pages;

    public ZxingCardImages(PageImages pages) {
        this.pages = pages;
    }

    @Override
    public Optional<String> qrText(byte[] image) {
        BufferedImage picture = CardPictures.read(pages, image);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(picture)));
        for (int turn = 0; turn < 4; turn++) {
            try {
                Result result = new QRCodeReader().decode(bitmap, HINTS);
                return Optional.of(result.getText());
            } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
                if (!bitmap.isRotateSupported()) {
                    break;
                }
                bitmap = bitmap.rotateCounterClockwise();
            }
        }
        LOG.info("no QR code found on a card image of {}x{}", picture.getWidth(), picture.getHeight());
        return Optional.empty();
    }
}
