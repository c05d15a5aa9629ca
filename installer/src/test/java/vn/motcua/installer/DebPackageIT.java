package vn.motcua.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb: what it declares and holds; and, where this machine may be changed (CI=true on CI's throwaway machine, or
 * -Dinstaller.dpkg=true), installed with dpkg -i, run from the installed launchers, removed and purged.
 */
class DebPackageIT {

    static final Path INSTALLERS = Path.of(System.getProperty("installers.dir", "target/installers"));
    static final Path INSTALLED = Path.of("/opt/motcua-counter");
    static final Path MACHINE_CONFIG = Path.of("/etc/motcua-counter/motcua.properties");
    static final Path UPDATE_UNIT = Path.of("/etc/systemd/system/motcua-counter-update.service");

    @TempDir
    Path home;

    static Path deb() throws IOException {
        try (Stream<Path> files = Files.list(INSTALLERS)) {
            return files.filter(p -> p.getFileName().toString().matches("motcua-counter_.*_amd64\\.deb"))
                    .findFirst().orElseThrow(() -> new AssertionError("no .deb in " + INSTALLERS));
        }
    }

    @Test
    void declaresTesseractAndHoldsTheImageWithItsModels() throws Exception {
        Processes info = Processes.run("dpkg-deb", "--info", deb().toString());
        assertThat(info.output()).containsPattern("Depends:.*tesseract-ocr").contains("fonts-dejavu-core",
                "Package: motcua-counter");
        Processes contents = Processes.run("dpkg-deb", "--contents", deb().toString());
        assertThat(contents.output()).contains("./opt/motcua-counter/bin/MotcuaCounter",
                "./opt/motcua-counter/bin/motcua", "./opt/motcua-counter/lib/app/tessdata/vie.traineddata",
                "./opt/motcua-counter/lib/app/tessdata/eng.traineddata",
                "./opt/motcua-counter/lib/app/config/motcua.properties", "./opt/motcua-counter/lib/app/motcua.aot")
                .doesNotContain("osd.traineddata", "libapplauncher.so"); // neither is used (decision 0904)
        System.out.printf("motcua-counter .deb: %.1f MB%n", Files.size(deb()) / 1e6);
    }

    @Test
    void installsRunsAndRemovesLeavingClerksDataAlone() throws Exception {
        assumeTrue("true".equals(System.getenv("CI")) || Boolean.getBoolean("installer.dpkg"),
                "changes this machine: runs with CI=true or -Dinstaller.dpkg=true");
        assumeTrue("root".equals(System.getProperty("user.name")), "dpkg -i needs root");
        assumeTrue(Processes.run("dpkg-query", "-W", "motcua-counter").exit() != 0,
                "motcua-counter is already installed here: not touching it");
        Files.createDirectories(home.resolve("tmp"));
        try {
            Processes install = Processes.run("dpkg", "-i", deb().toString());
            assertThat(install.exit()).as(install.output()).isZero();
            assertThat(MACHINE_CONFIG).isRegularFile();
            assertThat(Files.readString(MACHINE_CONFIG)).contains("#agency.code=");
            assertThat(Files.readString(UPDATE_UNIT)).contains("ExecStart=/opt/motcua-counter/bin/motcua update apply");
            assertThat(Files.getPosixFilePermissions(MACHINE_CONFIG).toString()).doesNotContain("OTHERS_WRITE",
                    "GROUP_WRITE");

            Processes doctor = Processes.run(Processes.clerk(home), List.of("/usr/bin/motcua", "doctor"));
            assertThat(doctor.output()).contains("read [" + MACHINE_CONFIG + "]")
                    .containsPattern("OK\\s+tesseract\\s+.*/opt/motcua-counter/lib/app/tessdata/vie.traineddata");
            assertThat(doctor.exit()).as(doctor.output()).isZero();

            assertThat(Processes.windowUsable(INSTALLED.resolve("bin/MotcuaCounter"), home)).startsWith("usable ");
            Path clerksData = home.resolve(".local/share/motcua-counter/motcua.db");
            assertThat(clerksData).isRegularFile();

            Processes remove = Processes.run("dpkg", "-r", "motcua-counter");
            assertThat(remove.exit()).as(remove.output()).isZero();
            assertThat(INSTALLED).doesNotExist();
            assertThat(Path.of("/usr/bin/motcua")).doesNotExist();
            assertThat(Path.of("/usr/share/applications/motcua-counter.desktop")).doesNotExist();
            assertThat(UPDATE_UNIT).doesNotExist();
            assertThat(MACHINE_CONFIG).as("remove keeps IT's configuration").isRegularFile();

            Processes purge = Processes.run("dpkg", "--purge", "motcua-counter");
            assertThat(purge.exit()).as(purge.output()).isZero();
            assertThat(MACHINE_CONFIG.getParent()).doesNotExist();
            assertThat(Path.of("/var/lib/motcua-counter")).doesNotExist();
            assertThat(Processes.run("dpkg-query", "-W", "motcua-counter").exit()).isNotZero();
            assertThat(clerksData).as("a clerk's data folder is kept").isRegularFile();
        } finally {
            Processes.run("dpkg", "--purge", "motcua-counter");
        }
    }
}
