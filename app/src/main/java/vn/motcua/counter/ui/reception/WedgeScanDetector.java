package vn.motcua.counter.ui.reception;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises a chip ID card's QR code typed by a USB 2D reader in keyboard ("wedge") mode. The reader types the
 * whole string in one burst and usually ends with Enter. The burst is recognised by its shape (12 digits, then at
 * least three bars, which nobody types by hand) rather than by its speed alone: a busy counter PC may handle the
 * reader's keys tens of milliseconds apart. A pause of a second starts over, so stale keys never join a scan.
 */
public final class WedgeScanDetector {

    /** A pause this long ends any burst. Readers type at 2-30 ms per character. */
    static final long MAX_GAP_NANOS = 1_000_000_000L;
    private static final Pattern CARD_QR = Pattern.compile("\\d{12}\\|[^|]*\\|.+\\|.*");

    private final StringBuilder burst = new StringBuilder();
    private long lastNanos;

    public void typed(String characters, long nanos) {
        if (burst.length() > 0 && nanos - lastNanos > MAX_GAP_NANOS) {
            burst.setLength(0);
        }
        burst.append(characters);
        lastNanos = nanos;
    }

    /** The scanned string when the burst so far is a card QR code; the burst is consumed either way. */
    public Optional<String> complete() {
        String text = burst.toString();
        burst.setLength(0);
        return CARD_QR.matcher(text).matches() ? Optional.of(text) : Optional.empty();
    }

    /** True while a burst that could become a card QR code is under way (12 fast digits and a bar seen). */
    public boolean scanning() {
        return burst.length() > 13 && burst.charAt(12) == '|' && burst.substring(0, 12).chars().allMatch(Character::isDigit);
    }
}
