package vn.motcua.counter.bootstrap;

import java.net.URI;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import vn.motcua.counter.domain.calendar.OfficeHours;

/**
 * Every key a {@code motcua.properties} may hold (the template app/src/main/resources/config/motcua.properties lists
 * the same, SettingsTest keeps them together), with what a value must look like. A value that does not fit is
 * reported with its file and line; when the embedded default is safe it is dropped, so the counter starts on the
 * default; otherwise (agency, counter numbering) it is kept and the counter refuses to open with its own message.
 */
final class SettingKeys {

    /** @param expected what a valid value looks like, for the message */
    record Key(String name, Predicate<String> valid, String expected, boolean safeDefault) {
    }

    private static final Predicate<String> ANY = v -> true;
    private static final Map<String, Key> KEYS = new LinkedHashMap<>();

    static {
        text("agency.code", "agency.name", "result.place", "clerk.name", "processing.unit", "rating.levels",
                "scanner.device", "scanner.sane.hosts", "hub.enrolment", "proxy.host", "proxy.user", "proxy.password",
                "signing.key", "signing.pkcs11.profile", "signing.pkcs11.library", "signing.pkcs11.profiles",
                "signing.signer.image", "signing.seal.image", "signing.trust.dir", "data.dir", "calendar.overrides",
                "scanner.sane.passfile", "scanner.hotfolders", "ocr.tessdata", "hub.ca", "update.keys",
                "security.key.dir", "security.passphrase", "security.recovery_key", "access.admin.name",
                "access.admin.display_name", "access.admin.password");
        unsafe("counter.count", integer(1, 9999), "a whole number 1–9999");
        unsafe("counter.number", integer(1, 9999), "a whole number 1–9999");
        safe("ui.language", oneOf("vi", "en"), "vi or en");
        safe("user.changeable", v -> Arrays.stream(v.split(",")).map(String::strip).filter(k -> !k.isEmpty())
                .allMatch(KEYS::containsKey), "known keys, comma-separated");
        safe("scan.source", oneOf("feeder", "flatbed", "duplex"), "feeder, flatbed or duplex");
        safe("scan.dpi", integer(50, 1200), "a resolution 50–1200");
        safe("scan.mode", oneOf("color", "gray", "lineart"), "color, gray or lineart");
        safe("scanner.escl", v -> Arrays.stream(v.split(",")).map(String::strip).allMatch(SettingKeys::isHttpUrl),
                "http(s) addresses, comma-separated");
        safe("scanner.mdns", oneOf("true", "false"), "true or false");
        safe("ocr.workers", integer(0, 64), "a whole number 0–64");
        safe("import.max_pixels", integer(1_000_000, 1_000_000_000), "pixels 1000000–1000000000");
        unsafe("hub.url", SettingKeys::isHttpUrl, "an http(s) address");
        safe("sync.bandwidth", integer(0, Integer.MAX_VALUE), "bytes per second, 0 for no cap");
        safe("sync.pull_seconds", integer(0, 86400), "seconds 0–86400, 0 for only after sending");
        safe("proxy.mode", oneOf("direct", "system", "http"), "direct, system or http");
        unsafe("proxy.port", integer(1, 65535), "a port 1–65535");
        unsafe("signing.tsa.url", SettingKeys::isHttpUrl, "an http(s) address");
        safe("signing.level", oneOf("B-B", "B-T", "B-LT"), "B-B, B-T or B-LT");
        safe("update.enabled", oneOf("true", "false"), "true or false");
        unsafe("update.url", SettingKeys::isHttpUrl, "an http(s) address");
        unsafe("office.hours", v -> OfficeHours.parse(v).isPresent(),
                "sessions such as 07:30-11:30,13:00-17:00");
        unsafe("office.cutoff", SettingKeys::isTime, "a time such as 16:30");
        unsafe("office.same_day_cutoff", SettingKeys::isTime, "a time such as 15:00");
        unsafe("security.protection", oneOf("auto", "keyfile", "passphrase", "dpapi", "tpm"),
                "auto, keyfile, passphrase, dpapi or tpm");
        unsafe("security.tpm.tcti", v -> v.strip().matches("[a-z][a-z0-9-]*(:\\S*)?"),
                "a TCTI such as device:/dev/tpmrm0");
        unsafe("retention.days", integer(0, 36500), "a number of days 0–36500 (0: never remove)");
        safe("access.idle_lock_minutes", integer(0, 1440), "minutes 0–1440, 0 for never");
        unsafe("update.pin", v -> v.matches("\\d+(\\.\\d+){0,3}"), "a version such as 0.2.0");
    }

    private SettingKeys() {
    }

    static Optional<Key> find(String name) {
        return Optional.ofNullable(KEYS.get(name));
    }

    static Set<String> names() {
        return KEYS.keySet();
    }

    private static void text(String... names) {
        for (String name : names) {
            KEYS.put(name, new Key(name, ANY, "text", false));
        }
    }

    private static void safe(String name, Predicate<String> valid, String expected) {
        KEYS.put(name, new Key(name, valid, expected, true));
    }

    private static void unsafe(String name, Predicate<String> valid, String expected) {
        KEYS.put(name, new Key(name, valid, expected, false));
    }

    private static Predicate<String> oneOf(String... values) {
        Set<String> allowed = Set.of(values);
        return v -> allowed.contains(v.strip());
    }

    private static Predicate<String> integer(int min, int max) {
        return v -> {
            try {
                int n = Integer.parseInt(v.strip());
                return n >= min && n <= max;
            } catch (NumberFormatException e) {
                return false;
            }
        };
    }

    private static boolean isTime(String v) {
        try {
            LocalTime.parse(v.strip());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isHttpUrl(String v) {
        try {
            URI uri = new URI(v.strip());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
