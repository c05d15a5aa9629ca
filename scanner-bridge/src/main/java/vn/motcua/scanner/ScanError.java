package vn.motcua.scanner;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Why a scan stopped. Each value has a stable message key; the texts (with what the clerk should do) live in
 * {@code vn/motcua/scanner/messages*.properties} so the app can show them or override them.
 */
public enum ScanError {
    /** Paper jammed in the feeder. Pages before the jam were already handed over. */
    JAM("scanner.error.jam", true),
    COVER_OPEN("scanner.error.coverOpen", true),
    /** The feeder (or flatbed) has no paper. */
    NO_PAPER("scanner.error.noPaper", true),
    /** Another job or computer is using the scanner. */
    BUSY("scanner.error.busy", true),
    /** The scanner, or the host it hangs off, does not answer. */
    OFFLINE("scanner.error.offline", true),
    DEVICE_NOT_FOUND("scanner.error.deviceNotFound", false),
    UNSUPPORTED_SETTINGS("scanner.error.unsupportedSettings", false),
    /** The driver threw or its process died. */
    DRIVER_CRASHED("scanner.error.driverCrashed", true),
    /** The driver did not answer within the watchdog's time. */
    DRIVER_HUNG("scanner.error.driverHung", true),
    /** The app could not store a page it received (disk full, permissions). */
    PAGE_NOT_STORED("scanner.error.pageNotStored", false),
    CANCELLED("scanner.error.cancelled", false),
    /**
     * The scanner's server wants a user name and password that were not given or were wrong (saned's
     * {@code saned.users}); IT staff fix the credentials file, the clerk cannot.
     */
    ACCESS_DENIED("scanner.error.accessDenied", false),
        /** The device reported something this bridge does not recognise. */
    DEVICE_ERROR("scanner.error.deviceError", true);

    private static final String BUNDLE = "vn.motcua.scanner.messages";

    private final String messageKey;
    private final boolean retryable;

    ScanError(String messageKey, boolean retryable) {
        this.messageKey = messageKey;
        this.retryable = retryable;
    }

    /** Stable key for translations; never changes once released. */
    public String messageKey() {
        return messageKey;
    }

    /** True when the clerk can fix the cause and scan the remaining pages ("Tiếp tục"). */
    public boolean retryable() {
        return retryable;
    }

    /** The message with what to do, in the given locale (Vietnamese and English ship with the module). */
    public String message(Locale locale) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale).getString(messageKey);
        } catch (MissingResourceException e) {
            return messageKey;
        }
    }
}
