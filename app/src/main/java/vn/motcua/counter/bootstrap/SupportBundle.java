package vn.motcua.counter.bootstrap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import vn.motcua.counter.adapters.protection.FieldCipher;
import vn.motcua.counter.adapters.store.Database;
import vn.motcua.counter.application.CounterDiagnostics;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.domain.DiacriticFolding;
import vn.motcua.scanner.ScannerBridge;

/**
 * {@code motcua doctor --bundle FILE.zip}: what support needs to understand a counter (the doctor report, versions,
 * settings files and the values in force, logs, scanners, the pipeline and the sync state, the system) with personal
 * data removed: every applicant's name, ID number, address, phone, e-mail and birth date found in the database, the
 * clerks' names, and any run of 9 or more digits or e-mail address left in a text, become {@code [removed]}; secrets
 * in settings become {@code [hidden]}. Nothing in the data folder is changed.
 */
final class SupportBundle {

    private static final String REMOVED = "[removed]";
    private static final Set<String> SECRET_KEYS = Set.of("proxy.password", "hub.enrolment", "clerk.name",
            "access.admin.display_name");
    private static final Pattern DIGITS = Pattern.compile("(?<![0-9])[0-9]{9,}(?![0-9])");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final List<String> PERSONAL_COLUMNS = List.of("applicant_name", "applicant_name_folded",
            "applicant_id_number", "applicant_address", "applicant_phone", "applicant_email", "applicant_birth_date",
            "applicant_representative", "received_by");

    private final Settings settings;
    private final Path data;
    private final List<String> personal;

    /** {@code cipher} opens the sealed columns (null when the data folder has no keyring that opens). */
    SupportBundle(Settings settings, FieldCipher cipher) {
        this.settings = settings;
        this.data = settings.dataDirectory();
        this.personal = personalValues(data.resolve(CounterWiring.DATABASE_FILE), cipher);
    }

    /** Writes the bundle to {@code zip} (through a temporary file beside it); returns the names it holds. */
    List<String> write(CounterDiagnostics.Report report, Path zip) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("doctor.txt", reportText(report));
        texts.put("versions.txt", versions());
        texts.put("system.txt", system());
        texts.put("settings/in-force.txt", settingsInForce());
        int n = 0;
        for (Path file : settings.sources()) {
            texts.put("settings/" + (++n) + "-" + file.getFileName(), maskSecrets(Files.readString(file)) + "\n# from "
                    + file + "\n");
        }
        texts.put("scanners.txt", scanners());
        texts.put("sync.txt", syncState(data.resolve(CounterWiring.DATABASE_FILE)));
        Path logs = data.resolve("logs");
        if (Files.isDirectory(logs)) {
            try (Stream<Path> files = Files.list(logs)) {
                for (Path log : files.filter(Files::isRegularFile).sorted().toList()) {
                    texts.put("logs/" + log.getFileName(), Files.readString(log, StandardCharsets.UTF_8));
                }
            }
        }
        Path tmp = Files.createTempFile(zip.toAbsolutePath().getParent(), ".bundle", ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream entries = new ZipOutputStream(out)) {
            for (var text : texts.entrySet()) {
                entries.putNextEntry(new ZipEntry(text.getKey()));
                entries.write(removePersonalData(text.getValue()).getBytes(StandardCharsets.UTF_8));
                entries.closeEntry();
            }
        }
        Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING);
        return List.copyOf(texts.keySet());
    }

    /** Applicants' and clerks' details as stored, longest first so a full name goes before a part of it. */
    private static List<String> personalValues(Path database,
                                               FieldCipher cipher) {
        if (!Files.exists(database)) {
            return List.of();
        }
        Set<String> values = new TreeSet<>();
        try {
            Database.readOnly(database, c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM dossiers")) {
                    Set<String> columns = new TreeSet<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        columns.add(rs.getMetaData().getColumnName(i));
                    }
                    while (rs.next()) {
                        for (String column : PERSONAL_COLUMNS) {
                            String value = columns.contains(column) ? rs.getString(column) : null;
                            if (value != null && cipher != null
                                    && FieldCipher.isSealed(value)) {
                                value = cipher.open(column, value);
                            }
                            if (value != null && value.strip().length() >= 3) {
                                values.add(value.strip());
                                if (column.equals("applicant_name") || column.equals("applicant_representative")) {
                                    values.add(DiacriticFolding.fold(value));
                                }
                            }
                        }
                    }
                }
                return null;
            });
        } catch (CounterException e) {
            // an unreadable database is what doctor.txt reports; the regular expressions still apply
        }
        return values.stream().sorted((a, b) -> b.length() - a.length()).toList();
    }

    String removePersonalData(String text) {
        String cleaned = text;
        for (String value : personal) {
            cleaned = Pattern.compile(Pattern.quote(value), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(cleaned).replaceAll(REMOVED);
        }
        cleaned = DIGITS.matcher(cleaned).replaceAll(REMOVED);
        return EMAIL.matcher(cleaned).replaceAll(REMOVED);
    }

    private static String maskSecrets(String properties) {
        StringBuilder out = new StringBuilder();
        for (String line : properties.split("\\R", -1)) {
            String key = line.split("[=:]", 2)[0].strip();
            out.append(SECRET_KEYS.contains(key) && line.contains("=") ? key + "=[hidden]" : line).append('\n');
        }
        return out.toString();
    }

    private static String reportText(CounterDiagnostics.Report report) {
        StringBuilder out = new StringBuilder();
        report.checks().forEach(c -> out.append(String.format("%-8s %-12s %s%n", c.outcome(), c.name(), c.detail())));
        return out.toString();
    }

    private static String versions() {
        String application = SupportBundle.class.getPackage().getImplementationVersion();
        return "Motcua Counter " + (application == null ? "development" : application) + "\nJava "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")\nJavaFX "
                + System.getProperty("javafx.runtime.version", "(not started)") + "\ninstalled in "
                + Installation.folder().map(Path::toString).orElse("(not installed: run from a checkout)") + "\n";
    }

    private String system() {
        Runtime runtime = Runtime.getRuntime();
        StringBuilder out = new StringBuilder();
        out.append("os: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch")).append('\n')
                .append("cores: ").append(runtime.availableProcessors()).append('\n')
                .append("max heap: ").append(runtime.maxMemory() / (1024 * 1024)).append(" MB\n")
                .append("time zone: ").append(java.util.TimeZone.getDefault().getID()).append('\n')
                .append("locale: ").append(Locale.getDefault()).append('\n')
                .append("data folder: ").append(data).append('\n');
        System.getenv().entrySet().stream().filter(e -> e.getKey().startsWith("MOTCUA_")
                || e.getKey().equals("TESSDATA_PREFIX")).sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append("env ").append(e.getKey()).append('=').append(SECRET_KEYS.stream()
                        .anyMatch(k -> e.getKey().equals("MOTCUA_" + k.toUpperCase(Locale.ROOT).replace('.', '_')))
                        ? "[hidden]" : e.getValue()).append('\n'));
        return out.toString();
    }

    /** Every known key's value in force, and whether IT locked it in the machine file. */
    private String settingsInForce() {
        StringBuilder out = new StringBuilder();
        for (String key : SettingKeys.names()) {
            settings.get(key).ifPresent(value -> out.append(key).append('=')
                    .append(SECRET_KEYS.contains(key) ? "[hidden]" : value)
                    .append(settings.lockedByMachine(key) ? "   (locked by the machine file)" : "").append('\n'));
        }
        settings.problems().forEach(p -> out.append("problem: ").append(p).append('\n'));
        return out.toString();
    }

    private String scanners() {
        try (ScannerBridge bridge = new CounterConfiguration(settings).scannerSetup(List.of()).build()) {
            ScannerBridge.Discovery found = bridge.discover();
            StringBuilder out = new StringBuilder();
            found.devices().forEach(d -> out.append(d.id()).append("  ").append(d.displayName()).append('\n'));
            found.failedDrivers().forEach((driver, error) -> out.append("driver ").append(driver).append(" failed: ")
                    .append(error).append('\n'));
            return out.toString();
        } catch (RuntimeException e) {
            return "scanners could not be listed: " + e + "\n";
        }
    }

    /** Rows per sync table, and per state where a table has one (the sync client's own tables, if installed). */
    private static String syncState(Path database) {
        if (!Files.exists(database)) {
            return "no database yet\n";
        }
        try {
            return Database.readOnly(database, c -> {
                StringBuilder out = new StringBuilder();
                List<String> tables = new ArrayList<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                        "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'sync%' ORDER BY name")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    out.append(table).append(": ").append(count(c, "SELECT count(*) FROM \"" + table + "\""))
                            .append(" rows");
                    if (hasColumn(c, table, "state")) {
                        out.append("; by state: ").append(count(c, "SELECT group_concat(state || ' ' || n, ', ') FROM "
                                + "(SELECT state, count(*) n FROM \"" + table + "\" GROUP BY state)"));
                    }
                    out.append('\n');
                }
                return tables.isEmpty() ? "no sync tables (the sync client is not installed or never ran)\n"
                        : out.toString();
            });
        } catch (CounterException e) {
            return "cannot read: " + e.messageKey() + "\n";
        }
    }

    private static String count(java.sql.Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? String.valueOf(rs.getString(1)) : "";
        }
    }

    private static boolean hasColumn(java.sql.Connection c, String table, String column) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA table_info(\"" + table
                + "\")")) {
            while (rs.next()) {
                if (column.equals(rs.getString("name"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
