package vn.motcua.scanner.worker;

import vn.motcua.scanner.ScanError;
import vn.motcua.scanner.ScanException;

/** Turns an {@code ERROR} message into a typed exception, by where it came from (TWAIN, WIA or the worker). */
@FunctionalInterface
interface BridgeErrors {

    ScanException toException(BridgeMessage error);

    static BridgeErrors standard() {
        return error -> {
            String source = error.field("source").orElse("worker");
            String detail = error.field("detail").orElse("");
            ScanError type = switch (source) {
                case "twain" -> TwainMapping.errorFor(error.field("cc").orElse(""));
                case "wia" -> WiaMapping.errorFor(error.field("hresult").orElse("0x80004005"));
                default -> workerError(error.field("code").orElse(""));
            };
            return new ScanException(type, source + " " + error.fields() + (detail.isEmpty() ? "" : ": " + detail));
        };
    }

    private static ScanError workerError(String code) {
        try {
            return ScanError.valueOf(code);
        } catch (IllegalArgumentException e) {
            return ScanError.DEVICE_ERROR;
        }
    }
}
