package vn.motcua.counter.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.counter.CleanFailures;

/**
 * A {@code motcua.properties} is written by IT staff with any editor, or provisioned by a script: any bytes. Reading
 * it never fails: a line that cannot be read is a reported problem with its line; what the counter then reads from
 * the settings either works or is refused with {@code settings.bad_value}-style messages (decision 0006). Saved
 * inputs: {@code src/test/resources/vn/motcua/counter/bootstrap/SettingsFuzzTestInputs/<method>/}.
 */
class SettingsFuzzTest {

    private static final Path FOLDER = folder();

    @FuzzTest(maxDuration = "2m")
    void settingsFile(byte[] file) throws Exception {
        Path machine = Files.write(FOLDER.resolve("machine.properties"), file);
        Path user = Files.write(FOLDER.resolve("motcua.properties"), file);
        Settings settings = Settings.load(Map.of(), machine, user);
        assertThat(settings.problems()).allSatisfy(p -> assertThat(p.line()).isPositive());
        CounterConfiguration configuration = new CounterConfiguration(settings);
        CleanFailures.onlyCounterExceptions(configuration::dataDirectory);
        CleanFailures.onlyCounterExceptions(configuration::locale);
        CleanFailures.onlyCounterExceptions(configuration::ocrWorkers);
        CleanFailures.onlyCounterExceptions(configuration::pixelLimit);
        CleanFailures.onlyCounterExceptions(configuration::counterSlot);
        CleanFailures.onlyCounterExceptions(configuration::profile);
        CleanFailures.onlyCounterExceptions(configuration::satisfactionScale);
        CleanFailures.onlyCounterExceptions(configuration::scanProfile);
    }

    /** Found by fuzzing: both used to throw out of {@code Settings.load} and stop the counter with a stack trace. */
    @Test
    void aBrokenEscapeOrBytesThatAreNotUtf8AreReportedWithTheirLineAndTheRestIsRead() throws IOException {
        Path file = FOLDER.resolve("broken.properties");
        Files.write(file, "agency.name=abc\\u12\nui.language=en\nclerk.name=\u0110\u00e0ng\n"
                .getBytes(StandardCharsets.UTF_8));
        Files.write(file, concat(Files.readAllBytes(file), "result.place=".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xd0, (byte) 0xe0, '\n'}));
        Settings settings = Settings.load(Map.of(), null, file);
        assertThat(settings.problems()).extracting(Settings.Problem::line, Settings.Problem::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "agency.name"),
                        org.assertj.core.groups.Tuple.tuple(4, "result.place"));
        assertThat(settings.locale()).isEqualTo(java.util.Locale.ENGLISH);
        assertThat(settings.get(Settings.CLERK_NAME)).hasValue("Đàng");
    }

    /** Found by fuzzing: a blank value made {@code require} fail ("setting scan.dpi is missing"). */
    @Test
    void aBlankValueMeansTheEmbeddedDefault() throws IOException {
        Path file = Files.writeString(FOLDER.resolve("blank.properties"), "scan.dpi=\nscan.mode=  \nagency.name=\n");
        CounterConfiguration configuration = new CounterConfiguration(Settings.load(Map.of(), null, file));
        assertThat(configuration.scanProfile().dpi()).isEqualTo(200);
        assertThat(configuration.profile().agencyName()).isEqualTo("Ủy ban nhân dân Thành phố Hà Nội");
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static Path folder() {
        try {
            return Files.createTempDirectory("settings-fuzz");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
