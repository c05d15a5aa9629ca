package vn.motcua.counter.application.port;

import java.util.Optional;

/** Reads what a machine can read off a picture of an ID card, so the clerk does not retype it. */
public interface CardImages {

    /** The text of the QR code on a scanned or photographed chip ID card, if one can be decoded. */
    Optional<String> qrText(byte[] image);
}
