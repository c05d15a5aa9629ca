package vn.motcua.counter.application.port;

import java.util.Optional;

/** Reads the machine-readable zone (ICAO 9303 TD1) off a picture of the back of an ID card. */
public interface MrzImages {

    /** The three MRZ lines as read, unchecked; empty when the picture shows no MRZ-like lines. */
    Optional<String> mrzLines(byte[] image);
}
