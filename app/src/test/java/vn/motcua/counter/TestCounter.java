package vn.motcua.counter;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.motcua.counter.adapters.files.FileContentStore;
import vn.motcua.counter.adapters.protection.DataKey;
import vn.motcua.counter.adapters.protection.FieldCipher;
import vn.motcua.counter.adapters.protection.FileCipher;
import vn.motcua.counter.adapters.protection.KeyFileProtection;
import vn.motcua.counter.adapters.protection.Keyring;
import vn.motcua.counter.application.ReceptionRequest;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.bootstrap.Settings;
import vn.motcua.counter.domain.Applicant;
import vn.motcua.counter.domain.Document;
import vn.motcua.counter.domain.Page;
import vn.motcua.counter.domain.Procedure;
import vn.motcua.counter.domain.identity.InvalidIdNumberException;
import vn.motcua.counter.domain.identity.PersonalIdNumber;
import vn.motcua.counter.domain.identity.Sex;

/** A real counter (SQLite file, content store, sample catalogue) on a temporary data folder. */
public final class TestCounter {

    public static final String AGENCY = "000.00.00.H26";
    public static final String APPLICANT_NAME = "Nguyễn Thị Hồng Nhung";

    private TestCounter() {
    }

    /**
     * Background OCR is off ({@code ocr.workers=0}): these tests assert exact search results and timings that pages
     * being OCR'd meanwhile would change; the capture tests turn it on with {@link #settingsWithOcr}.
     */
    public static Settings settings(Path dataDirectory) {
        return Settings.of(Map.of(Settings.DATA_DIR, dataDirectory.toString(), Settings.AGENCY_CODE, AGENCY,
                Settings.CLERK_NAME, "Trần Văn Bình", Settings.OCR_WORKERS, "0"));
    }

    public static Settings settingsWithOcr(Path dataDirectory, int workers) {
        return Settings.of(Map.of(Settings.DATA_DIR, dataDirectory.toString(), Settings.AGENCY_CODE, AGENCY,
                Settings.CLERK_NAME, "Trần Văn Bình", Settings.OCR_WORKERS, String.valueOf(workers)));
    }

    /**
     * {@link #settings} with the hub at {@code hubUrl} (the real hub on loopback, often through a FaultProxy) and,
     * unless null, the enrolment code the counter exchanges at its start.
     */
    public static Settings hubSettings(Path dataDirectory, String hubUrl, String enrolment) {
        return hubSettings(dataDirectory, hubUrl, enrolment, Map.of());
    }

    /** {@link #hubSettings} with {@code more} settings (e.g. {@code sync.pull_seconds}). */
    public static Settings hubSettings(Path dataDirectory, String hubUrl, String enrolment, Map<String, String> more) {
        Map<String, String> values = hubValues(hubUrl, enrolment);
        values.put(Settings.DATA_DIR, dataDirectory.toString());
        values.putAll(more);
        return Settings.of(values);
    }

    /**
     * {@link #hubSettings}, also set as system properties for the commands a test then runs in this JVM
     * ({@code CliRun}, which reads the settings as the launcher does); {@link #clearHubProperties} takes them back.
     */
    public static Settings hubSettingsForCommands(Path dataDirectory, String hubUrl, String enrolment) {
        hubValues(hubUrl, enrolment).forEach((key, value) -> System.setProperty("motcua." + key, value));
        return hubSettings(dataDirectory, hubUrl, enrolment);
    }

    public static void clearHubProperties() {
        hubValues("", "").keySet().forEach(key -> System.clearProperty("motcua." + key));
    }

    private static Map<String, String> hubValues(String hubUrl, String enrolment) {
        Map<String, String> values = new HashMap<>(Map.of(Settings.AGENCY_CODE, AGENCY, Settings.CLERK_NAME,
                "Trần Văn Bình", Settings.OCR_WORKERS, "0", "hub.url", hubUrl, "proxy.mode", "direct"));
        if (enrolment != null) {
            values.put("hub.enrolment", enrolment);
        }
        return values;
    }

    /** Waits (at most 10 s) for the start-up enrolment, which runs in the background. */
    public static void awaitEnrolled(CounterWiring counter) throws InterruptedException {
        for (int i = 0; i < 100 && !counter.syncing().enrolled(); i++) {
            Thread.sleep(100);
        }
        if (!counter.syncing().enrolled()) {
            throw new AssertionError("the counter did not enrol with the hub within 10 s");
        }
    }

    public static CounterWiring open(Path dataDirectory, Clock clock) {
        return CounterWiring.open(settings(dataDirectory), clock);
    }

    public static Applicant applicant() {
        try {
            return new Applicant(APPLICANT_NAME, PersonalIdNumber.parse("001190012345"), LocalDate.of(1990, 4, 2),
                    Sex.FEMALE, "Số 5 phố Hàng Bài, phường Hoàn Kiếm, Hà Nội", "0912345678", null);
        } catch (InvalidIdNumberException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request for the catalogue's marital-status certificate with one page per component. */
    public static ReceptionRequest request(CounterWiring counter, int label) {
        Procedure procedure = counter.catalogue().procedure("1.004873").orElseThrow();
        List<Document> documents = procedure.components().stream().limit(2)
                .map(component -> {
                    Page page = counter.reception().storePage(
                            TestImages.png("Trang " + label + " - " + component.name()), Page.PageSource.IMPORTED);
                    return new Document(component, List.of(page));
                })
                .toList();
        return new ReceptionRequest(applicant(), procedure, procedure.processingTime(), documents);
    }

    /**
     * The plaintext of a content file of {@code data}'s store, as the counter reads it: the store keeps it encrypted
     * (decision 1201), so a test opens the folder's keyring with the tests' key folder (surefire's
     * {@code motcua.security.key.dir}) and decrypts it. Opening an existing keyring writes nothing.
     */
    public static byte[] stored(Path data, String contentId) {
        return new FileContentStore(data.resolve(CounterWiring.CONTENT_FOLDER), new FileCipher(key(data)))
                .read(contentId);
    }

    /** Where the store keeps a content file on disk (encrypted). */
    public static Path storedFile(Path data, String contentId) {
        return data.resolve(CounterWiring.CONTENT_FOLDER).resolve(contentId.substring(0, 2)).resolve(contentId);
    }

    /**
     * A personal column's value as the stores read it: sealed in the SQLite file (decision 1201), opened with the
     * data folder's key; null and values from before sealing come back as they are.
     */
    public static String opened(Path data, String column, String stored) {
        return new FieldCipher(key(data)).open(column, stored);
    }

    /** The data folder's data key, opened with the tests' key folder (writes nothing). */
    public static DataKey key(Path data) {
        Path keys = Path.of(System.getProperty("motcua.security.key.dir"));
        return Keyring.open(data, new KeyFileProtection(keys, data), Optional.empty()).key();
    }
}
