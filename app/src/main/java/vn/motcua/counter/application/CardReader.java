package vn.motcua.counter.application;

import java.nio.file.Path;
import java.util.Optional;
import vn.motcua.counter.application.port.CardImages;

/** Reads the applicant's chip ID card from a picture of it (scanned or photographed), instead of retyping it. */
public final class CardReader {

    private final CardImages cards;

    public CardReader(CardImages cards) {
        this.cards = cards;
    }

    /** The card's QR text; {@code card.no_qr} when the picture holds no readable QR code. */
    public String qrText(Path picture) {
        Optional<String> text = cards.qrText(ClerkFiles.read(picture));
        return text.orElseThrow(() -> new CounterException("card.no_qr", picture.getFileName()));
    }
}
