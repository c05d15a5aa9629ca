package vn.motcua.counter.bootstrap;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.CounterProfile;
import vn.motcua.counter.capture.input.PixelLimit;
import vn.motcua.counter.capture.ocr.OcrSettings;
import vn.motcua.counter.domain.AgencyCode;
import vn.motcua.counter.domain.CounterSlot;
import vn.motcua.counter.domain.calendar.VietnamHolidayCalendar;
import vn.motcua.counter.domain.lifecycle.SatisfactionScale;
import vn.motcua.scanner.ColorMode;
import vn.motcua.scanner.PaperSize;
import vn.motcua.scanner.PaperSource;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.sane.SaneCredentials;
import vn.motcua.scanner.sane.SaneHost;
import vn.motcua.scanner.setup.ScannerSetup;

/**
 * The settings read as what they mean: the counter's slot and profile, the scan profile, the holiday calendar with
 * its yearly overrides, the scanners to ask. A wrong value is refused here, with its key, before anything is opened.
 */
public final class CounterConfiguration {

    /** Reception times, appointments and the day's dossier list are in Vietnam's time, whatever the PC's zone. */
    public static final Clock VIETNAM_TIME = Clock.system(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final Settings settings;

    public CounterConfiguration(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    public Path dataDirectory() {
        return settings.dataDirectory();
    }

    public Locale locale() {
        return settings.locale();
    }

    public int ocrWorkers() {
        return settings.ocrWorkers();
    }

    /**
     * {@code import.max_pixels}: the most pixels an image a clerk or a command hands in (or an image inside an imported
     * PDF) may declare before it is decoded; a wrong value is reported by the settings check and the default kept.
     */
    public PixelLimit pixelLimit() {
        try {
            return settings.get(Settings.IMPORT_MAX_PIXELS).map(v -> new PixelLimit(Long.parseLong(v)))
                    .orElse(PixelLimit.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw new CounterException("settings.bad_value", Settings.IMPORT_MAX_PIXELS,
                    settings.get(Settings.IMPORT_MAX_PIXELS).orElse(""));
        }
    }

    /**
     * Tesseract's models: {@code ocr.tessdata}, else the {@code tessdata} folder of the installed application (the
     * models bundled with it), else {@code TESSDATA_PREFIX}, else Debian's folder.
     */
    public OcrSettings ocrSettings() {
        OcrSettings defaults = OcrSettings.defaults();
        return settings.path(Settings.OCR_TESSDATA)
                .or(() -> Installation.folder().map(app -> app.resolve("tessdata")).filter(Files::isDirectory))
                .map(defaults::withTessdata).orElse(defaults);
    }

    public CounterSlot counterSlot() {
        String number = settings.require(Settings.COUNTER_NUMBER);
        String count = settings.require(Settings.COUNTER_COUNT);
        try {
            return new CounterSlot(Integer.parseInt(number), Integer.parseInt(count));
        } catch (IllegalArgumentException e) {
            throw new CounterException("settings.bad_counter_slot", e, number, count);
        }
    }

    /** {@code sync.pull_seconds}: between pulls of the hub's changes when nothing else asks; zero: never on its own. */
    public java.time.Duration pullInterval() {
        String value = settings.require(Settings.SYNC_PULL_SECONDS);
        try {
            int seconds = Integer.parseInt(value.strip());
            if (seconds >= 0) {
                return java.time.Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CounterException("settings.bad_value", Settings.SYNC_PULL_SECONDS, value);
    }

    /** {@code retention.days}: days after the return before a synced dossier is removed here; 0: never. */
    public int retentionDays() {
        String value = settings.require(Settings.RETENTION_DAYS);
        try {
            int days = Integer.parseInt(value.strip());
            if (days >= 0) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CounterException("settings.bad_value", Settings.RETENTION_DAYS, value);
    }

    public CounterProfile profile() {
        return new CounterProfile(new AgencyCode(settings.require(Settings.AGENCY_CODE)),
                settings.require(Settings.AGENCY_NAME), settings.require(Settings.RESULT_PLACE),
                settings.require(Settings.CLERK_NAME));
    }

    public SatisfactionScale satisfactionScale() {
        String levels = settings.require(Settings.RATING_LEVELS);
        try {
            return SatisfactionScale.parse(levels);
        } catch (IllegalArgumentException e) {   // found by SettingsFuzzTest: "rating.levels=;;;" ended the start
            throw new CounterException("settings.bad_value", Settings.RATING_LEVELS, levels);
        }
    }

    public String processingUnit() {
        return settings.require(Settings.PROCESSING_UNIT);
    }

    public Optional<String> scannerDevice() {
        return settings.get(Settings.SCANNER_DEVICE);
    }

    /** The counter's scan profile ({@code scan.source}, {@code scan.dpi}, {@code scan.mode}) on A4. */
    public ScanSettings scanProfile() {
        String source = settings.require(Settings.SCAN_SOURCE);
        String dpi = settings.require(Settings.SCAN_DPI);
        String mode = settings.require(Settings.SCAN_MODE);
        try {
            return new ScanSettings(PaperSource.valueOf(source.strip().toUpperCase(Locale.ROOT)),
                    Integer.parseInt(dpi.strip()), ColorMode.valueOf(mode.strip().toUpperCase(Locale.ROOT)),
                    PaperSize.A4);
        } catch (IllegalArgumentException e) {
            throw new CounterException("settings.bad_scan_profile", e, source, dpi, mode);
        }
    }

    /**
     * The counter's scanners, the one setup the window and {@code motcua scan} share: the simulator always, SANE hosts
     * (those in settings, then {@code moreSaneHosts}) and the password file, eSCL, hot folders.
     */
    public ScannerSetup scannerSetup(List<String> moreSaneHosts) {
        ScannerSetup setup = ScannerSetup.defaults();
        List<String> sane = java.util.stream.Stream.concat(settings.list(Settings.SCANNER_SANE_HOSTS).stream(),
                moreSaneHosts.stream()).distinct().toList();
        if (!sane.isEmpty()) {
            setup = setup.withSaneHosts(sane.stream().map(SaneHost::parse).toList());
        }
        Optional<String> passFile = settings.get(Settings.SCANNER_SANE_PASSFILE);
        if (passFile.isPresent()) {
            setup = setup.withSaneCredentials(SaneCredentials.fromFile(Path.of(passFile.get())));
        }
        setup = setup.withEsclScanners(settings.list(Settings.SCANNER_ESCL).stream().map(URI::create).toList(),
                !"false".equalsIgnoreCase(settings.get(Settings.SCANNER_MDNS).orElse("true")));
        return setup.withHotFolders(settings.list(Settings.SCANNER_HOT_FOLDERS).stream().map(Path::of).toList());
    }

    /** The counter's working calendar: holidays with the yearly overrides, office hours and cutoffs. */
    public VietnamHolidayCalendar holidayCalendar() {
        return CounterCalendar.of(settings);
    }
}
