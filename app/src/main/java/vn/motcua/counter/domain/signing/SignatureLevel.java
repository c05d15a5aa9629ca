package vn.motcua.counter.domain.signing;

/**
 * How long a signed electronic copy stays verifiable (PAdES baseline levels, ETSI EN 319 142-1): B-B is the bare
 * signature, B-T adds a trusted time from a timestamp authority, B-LT adds the certificate chain and revocation data
 * inside the file, so the copy can be checked offline for years.
 */
public enum SignatureLevel {
    B_B, B_T, B_LT;

    /** The level's usual name, e.g. {@code PAdES-B-LT}. */
    public String label() {
        return "PAdES-" + name().replace('_', '-');
    }

    /** {@code B-B}, {@code B-T} or {@code B-LT}, also written {@code PAdES-B-LT} or {@code B_LT}. */
    public static java.util.Optional<SignatureLevel> parse(String text) {
        String name = text.strip().toUpperCase(java.util.Locale.ROOT).replace("PADES-", "").replace('-', '_');
        return java.util.Arrays.stream(values()).filter(l -> l.name().equals(name)).findFirst();
    }

    public boolean atLeast(SignatureLevel other) {
        return compareTo(other) >= 0;
    }
}
