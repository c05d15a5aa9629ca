package vn.motcua.counter.bootstrap;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The counter's settings, from (strongest first) Java system properties {@code -Dmotcua.KEY}, environment variables
 * ({@code MOTCUA_DATA_DIR} for the data folder), the machine-wide file IT staff provision
 * ({@code %ProgramData%\MotcuaCounter\motcua.properties} or {@code /etc/motcua-counter/}), and the user's
 * {@code motcua.properties}. A key the machine file sets wins over the user's file, so a clerk cannot change what IT
 * set, except the keys the machine file lists in {@code user.changeable} (default: the language), where the clerk's
 * choice wins. Everything has an embedded default, so a fresh machine runs as a demo counter. Unknown keys and wrong
 * values are {@linkplain #problems() reported} with their file and line (docs/decisions/0901-packaging.md).
 */
public final class Settings {

    public static final String DATA_DIR = "data.dir";
    /** The yearly holiday override file (format: docs/decisions/0201-calendar-and-identity.md). */
    public static final String HOLIDAY_OVERRIDES = "calendar.overrides";
    static final String HOLIDAYS_FILE = "holidays.txt";
    static final String USER_FILE = "motcua.properties";
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    public static final String AGENCY_CODE = "agency.code";
    public static final String AGENCY_NAME = "agency.name";
    public static final String RESULT_PLACE = "result.place";
    public static final String CLERK_NAME = "clerk.name";
    public static final String LANGUAGE = "ui.language";
    /** The scan profile's device, e.g. {@code sane:net:127.0.0.1:test:0}; unset: the first real scanner found. */
    public static final String SCANNER_DEVICE = "scanner.device";
    /** The scan profile: {@code feeder}, {@code flatbed} or {@code duplex}; dpi; {@code color}, {@code gray} or {@code lineart}. */
    public static final String SCAN_SOURCE = "scan.source";
    public static final String SCAN_DPI = "scan.dpi";
    public static final String SCAN_MODE = "scan.mode";
    public static final String SCANNER_SANE_HOSTS = "scanner.sane.hosts";
    /** scanimage-style {@code user:password:resource} file for a saned that asks for a login; unset: ~/.sane/pass. */
    public static final String SCANNER_SANE_PASSFILE = "scanner.sane.passfile";
    public static final String SCANNER_ESCL = "scanner.escl";
    public static final String SCANNER_MDNS = "scanner.mdns";
    public static final String SCANNER_HOT_FOLDERS = "scanner.hotfolders";
    /** Satisfaction levels offered when a result is returned, best first, separated by {@code ;}. */
    public static final String RATING_LEVELS = "rating.levels";
    /** Who the counter hands dossiers to for resolution, as named on the control slip (form 06). */
    public static final String PROCESSING_UNIT = "processing.unit";
    /** This counter's number among the agency's counters, and how many there are (docs/decisions/0501). */
    public static final String COUNTER_NUMBER = "counter.number";
    public static final String COUNTER_COUNT = "counter.count";
    /** Background OCR threads (one page each); unset: one per core; {@code 0}: no background OCR nor copies. */
    public static final String OCR_WORKERS = "ocr.workers";
    /** Signing (docs/decisions/1001-signing.md): a PKCS#12 file, or a USB token by its CA profile or driver. */
    public static final String SIGNING_KEY = "signing.key";
    public static final String SIGNING_PKCS11_PROFILE = "signing.pkcs11.profile";
    public static final String SIGNING_PKCS11_LIBRARY = "signing.pkcs11.library";
    public static final String SIGNING_PKCS11_PROFILES = "signing.pkcs11.profiles";
    /** The RFC 3161 timestamp authority; unset: copies are signed at B-B only. */
    public static final String SIGNING_TSA_URL = "signing.tsa.url";
    /** The level copies are raised to when online: {@code B-B}, {@code B-T} or {@code B-LT}. */
    public static final String SIGNING_LEVEL = "signing.level";
    /** Trust anchors for verification, PEM or DER files; unset: {@code trust} in the data folder. */
    public static final String SIGNING_TRUST_DIR = "signing.trust.dir";
    /** For results: the signer's signature image (blue, transparent PNG) and the agency's seal (red PNG). */
    public static final String SIGNING_SIGNER_IMAGE = "signing.signer.image";
    public static final String SIGNING_SEAL_IMAGE = "signing.seal.image";
    /** Tesseract's model folder; unset: the installed application's own, else TESSDATA_PREFIX, else Debian's. */
    public static final String OCR_TESSDATA = "ocr.tessdata";
    /** The most pixels an image handed in may declare before it is decoded (decompression bombs are refused). */
    public static final String IMPORT_MAX_PIXELS = "import.max_pixels";
    /** Keys a clerk's own file may set although the machine file sets them, comma-separated (machine file only). */
    public static final String USER_CHANGEABLE = "user.changeable";

    /** Office sessions, e.g. {@code 07:30-11:30,13:00-17:00}; the cutoff after which a reception counts from the
     *  next working day (default: closing time) and the same-day procedures' cutoff (docs/decisions/0201). */
    public static final String OFFICE_HOURS = "office.hours";
    public static final String RECEPTION_CUTOFF = "office.cutoff";
    public static final String SAME_DAY_CUTOFF = "office.same_day_cutoff";

    /** Data at rest (docs/decisions/1201-data-at-rest.md): how the data key is protected: {@code auto} (DPAPI on
     *  Windows, the key file elsewhere), {@code keyfile}, {@code passphrase}, {@code dpapi} or {@code tpm}; never none. */
    public static final String SECURITY_PROTECTION = "security.protection";
    /** How {@code tpm} protection reaches the TPM (a tpm2-tools TCTI); unset: the kernel's {@code device:/dev/tpmrm0}. */
    public static final String SECURITY_TPM_TCTI = "security.tpm.tcti";
    /** The owner-only folder of key files; unset: the account's own ({@link #defaultKeyDirectory}). Never inside the data folder. */
    public static final String SECURITY_KEY_DIR = "security.key.dir";
    /** The passphrase for {@code security.protection=passphrase} (best given as MOTCUA_SECURITY_PASSPHRASE). */
    public static final String SECURITY_PASSPHRASE = "security.passphrase";
    /** The recovery key printed at set-up: given once, it opens the data folder and wraps its key again here. */
    public static final String SECURITY_RECOVERY_KEY = "security.recovery_key";
    /** Minutes without a key or mouse event before the window locks (decision 1301); 0: never. */
    public static final String ACCESS_IDLE_LOCK_MINUTES = "access.idle_lock_minutes";
    /** The first administrator's name, made on a data folder without accounts (provisioning). */
    public static final String ACCESS_ADMIN_NAME = "access.admin.name";
    /** Its full name as printed on papers ("Nguyễn Văn An"); without it the sign-in name is printed. */
    public static final String ACCESS_ADMIN_DISPLAY_NAME = "access.admin.display_name";
    /** Its Argon2id hash ({@code motcua account hash}) or a one-time password changed at the first sign-in. */
    public static final String ACCESS_ADMIN_PASSWORD = "access.admin.password";

    /** Retention (docs/decisions/1303-retention.md): days after its return that a dossier the hub holds is removed
     *  from this counter, files and rows; {@code 0}: never. */
    public static final String RETENTION_DAYS = "retention.days";

    /** Seconds between pulls of the hub's changes when nothing else asks for one (decision 0803); {@code 0}: only
     *  after sending and "sync now". */
    public static final String SYNC_PULL_SECONDS = "sync.pull_seconds";

    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry(AGENCY_CODE, "000.00.00.H26"),
            Map.entry(AGENCY_NAME, "Ủy ban nhân dân Thành phố Hà Nội"),
            Map.entry(RESULT_PLACE, "Bộ phận tiếp nhận và trả kết quả"),
            Map.entry(CLERK_NAME, "Cán bộ tiếp nhận"),
            Map.entry(LANGUAGE, "vi"),
            Map.entry(RATING_LEVELS, "Hài lòng;Bình thường;Không hài lòng"),
            Map.entry(PROCESSING_UNIT, "Bộ phận chuyên môn giải quyết"),
            Map.entry(COUNTER_NUMBER, "1"),
            Map.entry(COUNTER_COUNT, "1"),
            Map.entry(SCAN_SOURCE, "feeder"),
            Map.entry(SCAN_DPI, "200"),
            Map.entry(SCAN_MODE, "color"),
            Map.entry(IMPORT_MAX_PIXELS, "80000000"),
            Map.entry(SIGNING_LEVEL, "B-LT"),
            Map.entry(USER_CHANGEABLE, LANGUAGE),
            Map.entry(OFFICE_HOURS, "07:30-11:30,13:00-17:00"),
            Map.entry(SAME_DAY_CUTOFF, "15:00"),
            Map.entry(SECURITY_PROTECTION, "auto"),
            Map.entry(RETENTION_DAYS, "90"),
            Map.entry(SYNC_PULL_SECONDS, "120"),
            Map.entry(ACCESS_IDLE_LOCK_MINUTES, "10"));

    /** A key of a settings file that is unknown or has a wrong value; {@code expected} is empty for unknown keys. */
    public record Problem(Path file, int line, String key, String value, String expected) {
    }

    /**
     * Not a static field: the launcher reads the settings to learn where the log goes (the data folder) before logging
     * starts; a logger made when this class loads would start logging first, into the temp folder.
     */
    private static org.slf4j.Logger log() {
        return org.slf4j.LoggerFactory.getLogger(Settings.class);
    }

    private final Properties machine;
    private final Properties files;
    private final Map<String, String> environment;
    private final List<Path> sources;
    private final List<Problem> problems;

    private Settings(Properties machine, Properties files, Map<String, String> environment, List<Path> sources,
                     List<Problem> problems) {
        this.machine = machine;
        this.files = files;
        this.environment = environment;
        this.sources = List.copyOf(sources);
        this.problems = List.copyOf(problems);
    }

    public static Settings load() {
        Settings base = load(System.getenv(), machineFile(), userConfigFile());
        Path counterFile = base.dataDirectory().resolve(USER_FILE);
        Settings settings = counterFile.equals(userConfigFile()) ? base
                : load(System.getenv(), machineFile(), userConfigFile(), counterFile);
        settings.problems.forEach(p -> log().warn("settings {} line {}: {}={} ({})", p.file(), p.line(), p.key(),
                p.value(), p.expected().isEmpty() ? "unknown key, ignored" : "expected " + p.expected()));
        return settings;
    }

    /**
     * Remembers a choice the clerk made in the window (such as the language) in the data folder's
     * {@code motcua.properties}, keeping what else the file holds.
     */
    public void remember(String key, String value) {
        Path file = dataDirectory().resolve(USER_FILE);
        Properties stored = new Properties();
        try {
            Files.createDirectories(file.getParent());
            if (Files.isRegularFile(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    stored.load(reader);
                }
            }
            stored.setProperty(key, value);
            Path tmp = Files.createTempFile(file.getParent(), USER_FILE, ".tmp");
            try (var writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                stored.store(writer, "Motcua Counter: choices made at this counter");
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot save " + file, e);
        }
        files.setProperty(key, value);
    }

    /** The machine-wide file, then the user's files (later ones override earlier ones). */
    static Settings load(Map<String, String> environment, Path machineFile, Path... userFiles) {
        List<Path> read = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Properties machine = readChecked(machineFile, read, problems);
        Properties user = new Properties();
        for (Path file : userFiles) {
            user.putAll(readChecked(file, read, problems));
        }
        user.remove(USER_CHANGEABLE); // only IT decides what clerks may change
        return new Settings(machine, user, environment, read, problems);
    }

    /** The file's keys, without unknown ones and without wrong values that have a safe default. */
    private static Properties readChecked(Path file, List<Path> read, List<Problem> problems) {
        Properties kept = new Properties();
        if (file == null || !Files.isRegularFile(file)) {
            return kept;
        }
        try {
            SettingsFile parsed = SettingsFile.read(file);
            for (SettingsFile.Unreadable bad : parsed.unreadable()) {
                problems.add(new Problem(file, bad.line(), bad.key(), "", bad.expected()));
            }
            for (SettingsFile.Entry entry : parsed.entries()) {
                var known = SettingKeys.find(entry.key());
                if (known.isEmpty()) {
                    problems.add(new Problem(file, entry.line(), entry.key(), entry.value(), ""));
                    continue;
                }
                boolean valid = entry.value().isBlank() || known.get().valid().test(entry.value());
                if (!valid) {
                    problems.add(new Problem(file, entry.line(), entry.key(), entry.value(), known.get().expected()));
                }
                if (valid || !known.get().safeDefault()) {
                    kept.setProperty(entry.key(), entry.value());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read settings file " + file, e);
        }
        read.add(file);
        return kept;
    }

    /** Settings given as values, as if read from the user's file; system properties still win. */
    public static Settings of(Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        return new Settings(new Properties(), properties, Map.of(), List.of(), List.of());
    }

    public Optional<String> get(String key) {
        String value = System.getProperty("motcua." + key);
        if (value == null) {
            value = environment.get("MOTCUA_" + key.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        if (value == null && machine.containsKey(key) && !userChangeable(key)) {
            value = machine.getProperty(key);
        }
        if (value == null) {
            value = files.getProperty(key, machine.getProperty(key));
        }
        if (value == null) {
            value = DEFAULTS.get(key);
        }
        // a blank value ("scan.dpi=") means the embedded default; found by SettingsFuzzTest, where it made
        // require() fail with "setting scan.dpi is missing" and stopped the start
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty())
                .or(() -> Optional.ofNullable(DEFAULTS.get(key)));
    }

    private boolean userChangeable(String key) {
        String listed = machine.getProperty(USER_CHANGEABLE, DEFAULTS.get(USER_CHANGEABLE));
        return java.util.Arrays.stream(listed.split(",")).map(String::strip).anyMatch(key::equals);
    }

    /** Whether IT set {@code key} in the machine-wide file so that a clerk's file cannot change it. */
    public boolean lockedByMachine(String key) {
        return machine.containsKey(key) && !userChangeable(key);
    }

    /** Unknown keys and wrong values found in the settings files, with file and line. */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * The yearly holiday override file: the {@code calendar.overrides} setting, else {@code holidays.txt} in the data
     * folder, else the machine-wide one next to the provisioned {@code motcua.properties}.
     */
    public Optional<Path> holidayOverrides() {
        Optional<Path> configured = path(HOLIDAY_OVERRIDES);
        if (configured.isPresent()) {
            return configured;
        }
        return java.util.stream.Stream.of(dataDirectory().resolve(HOLIDAYS_FILE),
                        systemConfigFile() == null ? null : systemConfigFile().resolveSibling(HOLIDAYS_FILE))
                .filter(java.util.Objects::nonNull).filter(Files::isRegularFile).findFirst();
    }

    /** Background OCR threads: {@code ocr.workers}, one per core by default, 0 to turn OCR off. */
    public int ocrWorkers() {
        Optional<String> value = get(OCR_WORKERS);
        if (value.isEmpty()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int workers = Integer.parseInt(value.get());
            if (workers >= 0) {
                return workers;
            }
        } catch (NumberFormatException e) {
            // reported below with the key, like a negative number
        }
        throw new vn.motcua.counter.application.CounterException("settings.bad_value", OCR_WORKERS, value.get());
    }

    /** A comma-separated setting as a list; empty when unset. */
    public List<String> list(String key) {
        return get(key).map(v -> java.util.Arrays.stream(v.split(",")).map(String::strip).filter(x -> !x.isEmpty())
                .toList()).orElse(List.of());
    }

    public String require(String key) {
        return get(key).orElseThrow(() -> new IllegalStateException("setting " + key + " is missing"));
    }

    /** The settings files that were found and read, for {@code doctor}. */
    public List<Path> sources() {
        return sources;
    }

    public Path dataDirectory() {
        return path(DATA_DIR).orElseGet(Settings::defaultDataDirectory);
    }

    /**
     * A setting naming a file or folder.
     *
     * @throws vn.motcua.counter.application.CounterException {@code settings.bad_value} for a value that is no path on
     *                                                        this system (a NUL character; on Windows {@code <>|?*})
     */
    public Optional<Path> path(String key) {
        Optional<String> value = get(key);
        try {
            return value.map(Path::of);
        } catch (java.nio.file.InvalidPathException e) {   // found by SettingsFuzzTest: data.dir with a NUL
            throw new vn.motcua.counter.application.CounterException("settings.bad_value", key, value.orElse(""));
        }
    }

    public Locale locale() {
        return "en".equalsIgnoreCase(get(LANGUAGE).orElse("vi")) ? Locale.ENGLISH : VIETNAMESE;
    }

    static Path defaultDataDirectory() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return Path.of(local != null ? local : home, "MotcuaCounter");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "MotcuaCounter");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share"))
                .resolve("motcua-counter");
    }

    /**
     * Where key files go when {@code security.key.dir} is unset (decision 1201): the account's configuration folder,
     * owner-only, outside the data folder ({@code ~/.config/motcua-counter/keys}, {@code $XDG_CONFIG_HOME}; on Windows,
     * whose default protection is DPAPI, {@code %APPDATA%\MotcuaCounter\keys}, not the local data folder). A system
     * folder for every account (e.g. {@code /var/lib/motcua/keys}) is IT staff's choice, set in the machine file.
     */
    static Path defaultKeyDirectory() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String roaming = System.getenv("APPDATA");
            return Path.of(roaming != null ? roaming : home, "MotcuaCounter", "keys");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Preferences", "MotcuaCounter", "keys");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".config"))
                .resolve("motcua-counter").resolve("keys");
    }

    /** The machine-wide file IT staff provision; {@code -Dmotcua.machine.file} moves it (tests, portable copies). */
    static Path machineFile() {
        String moved = System.getProperty("motcua.machine.file");
        return moved != null && !moved.isBlank() ? Path.of(moved) : systemConfigFile();
    }

    private static Path systemConfigFile() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        if (windows) {
            String programData = System.getenv("ProgramData");
            return programData == null ? null : Path.of(programData, "MotcuaCounter", "motcua.properties");
        }
        return Path.of("/etc/motcua-counter/motcua.properties");
    }

    private static Path userConfigFile() {
        return defaultDataDirectory().resolve(USER_FILE);
    }
}
