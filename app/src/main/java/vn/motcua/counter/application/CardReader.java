package vn.motcua.counter.application;

import java.nio.file.Path;
import java.util.Optional;
import vn.motcua.counter.application.port.CardImages;
import vn.motcua.counter.application.port.MrzImages;
import vn.motcua.counter.application.port.PageFiles;

/** Reads the applicant's chip ID card from a picture of it (scanned or photographed), instead of retyping it. */
public final class CardReader {

    private final CardImages cards;
    private final MrzImages mrz;
    private final PageFiles files;

    public CardReader(CardImages cards, MrzImages mrz, PageFiles files) {
        this.cards = cards;
        this.mrz = mrz;
        this.files = files;
    }

    /** The card's QR text; {@code card.no_qr} when the picture holds no readable QR code. */
    public String qrText(Path picture) {
        Optional<String> text = cards.qrText(firstPage(picture));
        return text.orElseThrow(() -> new CounterException("card.no_qr", picture.getFileName()));
    }

    /** The MRZ lines read off a picture of the card's back; {@code card.no_mrz} when there are none. */
    public String mrzText(Path picture) {
        Optional<String> lines = mrz.mrzLines(firstPage(picture));
        return lines.orElseThrow(() -> new CounterException("card.no_mrz", picture.getFileName()));
    }

    /** A picture of the card as any page file is read: a photo, a scan, the first page of a PDF. */
    private byte[] firstPage(Path picture) {
        return files.pages(picture).getFirst();
    }
}
