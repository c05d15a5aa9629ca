package vn.motcua.counter.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.crash.SaveLoopClock;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.scanner.sane.SaneCredentials;

class SettingsTest {

    @TempDir
    Path data;

    @Test
    void aWrongOcrWorkersSettingIsExplainedAndLeavesTheFolderFree() {
        Settings wrong = Settings.of(Map.of(Settings.DATA_DIR, data.toString(), Settings.OCR_WORKERS, "hai"));
        assertThatThrownBy(() -> CounterWiring.open(wrong, SaveLoopClock.DAY))
                .isInstanceOfSatisfying(CounterException.class, e -> assertThat(
                        Messages.of(Settings.VIETNAMESE).describe(e)).isEqualTo(
                        "Cấu hình sai: ocr.workers=hai. Sửa trong motcua.properties rồi mở lại chương trình."));
        assertThatThrownBy(() -> Settings.of(Map.of(Settings.OCR_WORKERS, "-1")).ocrWorkers())
                .isInstanceOf(CounterException.class);
        assertThat(Settings.of(Map.of(Settings.OCR_WORKERS, "0")).ocrWorkers()).isZero();
        // nothing was opened, so a corrected setting starts at once
        Settings corrected = Settings.of(Map.of(Settings.DATA_DIR, data.toString(), Settings.OCR_WORKERS, "0"));
        CounterWiring.open(corrected, SaveLoopClock.DAY).close();
    }

    @Test
    void theSanePasswordFileIsScanimagesUnlessSet() {
        assertThat(new CounterConfiguration(Settings.of(Map.of())).scannerSetup(List.of()).saneCredentials())
                .isEqualTo(SaneCredentials.fromFile(SaneCredentials.defaultFile()));
        Path shared = data.resolve("sane-pass");
        assertThat(new CounterConfiguration(Settings.of(Map.of(Settings.SCANNER_SANE_PASSFILE, shared.toString()))).scannerSetup(List.of())
                .saneCredentials()).isEqualTo(SaneCredentials.fromFile(shared));
    }

    @Test
    void englishIsChosenOnlyWhenAskedFor() {
        assertThat(Settings.of(Map.of()).locale()).isEqualTo(Settings.VIETNAMESE);
        assertThat(Settings.of(Map.of(Settings.LANGUAGE, "en")).locale()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void keysItSetsOnTheMachineWinOverTheClerksFileButTheLanguageStaysTheClerks() throws Exception {
        Path machine = Files.writeString(data.resolve("machine.properties"), """
                agency.code=000.00.15.H42
                ui.language=vi
                user.changeable=ui.language,clerk.name
                """);
        Path user = Files.writeString(data.resolve("user.properties"), """
                agency.code=999.99.99.H99
                ui.language=en
                clerk.name=Nguyễn Văn A
                user.changeable=agency.code
                scan.dpi=300
                """);
        Settings settings = Settings.load(Map.of(), machine, user);
        assertThat(settings.get(Settings.AGENCY_CODE)).contains("000.00.15.H42");
        assertThat(settings.lockedByMachine(Settings.AGENCY_CODE)).isTrue();
        assertThat(settings.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(settings.get(Settings.CLERK_NAME)).contains("Nguyễn Văn A");
        assertThat(settings.get(Settings.SCAN_DPI)).contains("300");
        assertThat(settings.sources()).containsExactly(machine, user);
        // IT scripts and services still override both
        Settings scripted = Settings.load(Map.of("MOTCUA_AGENCY_CODE", "000.00.16.H42"), machine, user);
        assertThat(scripted.get(Settings.AGENCY_CODE)).contains("000.00.16.H42");
    }

    @Test
    void unknownKeysAndWrongValuesAreNamedWithFileAndLineAndSafeOnesFallBackToTheDefault() throws Exception {
        Path machine = Files.writeString(data.resolve("motcua.properties"), """
                # provisioned by IT
                agency.code=000.00.15.H42
                scan.dpi=hai tram
                agency.name=Ủy ban nhân dân \\
                    phường Hoàn Kiếm
                agnecy.code=000.00.15.H42
                counter.number=x
                """);
        Settings settings = Settings.load(Map.of(), machine);
        assertThat(settings.problems()).containsExactly(
                new Settings.Problem(machine, 3, "scan.dpi", "hai tram", "a resolution 50–1200"),
                new Settings.Problem(machine, 6, "agnecy.code", "000.00.15.H42", ""),
                new Settings.Problem(machine, 7, "counter.number", "x", "a whole number 1–9999"));
        assertThat(settings.get(Settings.SCAN_DPI)).as("a safe default replaces a wrong value").contains("200");
        assertThat(settings.get(Settings.AGENCY_NAME)).contains("Ủy ban nhân dân phường Hoàn Kiếm");
        assertThat(settings.get(Settings.COUNTER_NUMBER)).as("no safe default: the counter refuses it").contains("x");
        assertThat(Messages.of(Settings.VIETNAMESE).text("settings.wrong_value", machine.toString(), "3", "scan.dpi",
                "hai tram", "a resolution 50–1200")).isEqualTo("Tệp cấu hình " + machine
                + ", dòng 3: scan.dpi=hai tram không hợp lệ (cần a resolution 50–1200).");
        assertThat(new Diagnostics(settings).run().checks().getFirst().detail())
                .contains("line 6: there is no key \"agnecy.code\"");
    }

    /** The template IT staff start from lists every key the counter knows, and only those. */
    @Test
    void theTemplateListsEveryKeyAndEveryKeyIsKnown() throws Exception {
        String template;
        try (var in = Settings.class.getResourceAsStream("/config/motcua.properties")) {
            template = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Set<String> inTemplate = new TreeSet<>();
        Matcher keys = Pattern.compile("(?m)^#?([a-z][a-z0-9]*(?:\\.[a-z0-9_]+)+)=").matcher(template);
        while (keys.find()) {
            inTemplate.add(keys.group(1));
        }
        assertThat(inTemplate).containsExactlyInAnyOrderElementsOf(SettingKeys.names());
        Set<String> declared = new TreeSet<>();
        for (Field field : Settings.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().equals("HOLIDAYS_FILE")) {
                declared.add((String) field.get(null));
            }
        }
        assertThat(SettingKeys.names()).as("every Settings key is in SettingKeys and the template")
                .containsAll(declared);
        assertThat(Settings.load(Map.of(), Path.of("src/main/resources/config/motcua.properties")).problems())
                .isEmpty();
    }
}
