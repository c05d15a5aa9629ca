package vn.motcua.counter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the MSI's silent install runs: keys written into the machine file from the template, checked first. */
class ConfigCommandTest {

    @TempDir
    Path folder;

    @AfterEach
    void clear() {
        System.clearProperty("motcua.machine.file");
    }

    @Test
    void provisionsTheMachineFileFromTheTemplateAndTheCounterReadsIt() throws Exception {
        Path machine = folder.resolve("ProgramData/MotcuaCounter/motcua.properties");
        System.setProperty("motcua.machine.file", machine.toString());
        CliRun run = CliRun.motcua(folder.resolve("data"), "config", "provision", "agency.code=000.00.15.H42",
                "hub.url=https://hub.tinh.gov.vn/", "hub.enrolment=K7Q2-99XA", "proxy.mode=http",
                "proxy.host=10.0.0.1", "proxy.port=3128", "signing.pkcs11.profile=vnpt-ca", "proxy.user=",
                "signing.trust.dir=C:\\ProgramData\\MotcuaCounter\\trust");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String written = Files.readString(machine);
        assertThat(written).contains("\nagency.code=000.00.15.H42\n", "\nhub.url=https://hub.tinh.gov.vn/\n",
                "\nproxy.port=3128\n", "\n#proxy.user=\n", "signing.trust.dir=C:\\\\ProgramData\\\\MotcuaCounter\\\\trust",
                "# Motcua Counter: machine-wide configuration");
        assertThat(written).doesNotContain("#agency.code=");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(machine)))
                .isEqualTo("rw-r--r--");
        CliRun doctor = CliRun.motcua(folder.resolve("data"), "doctor");
        assertThat(doctor.out()).contains("read [" + machine + "]").doesNotContain(", line ");
    }

    @Test
    void anUnknownKeyOrWrongValueWritesNothing() {
        Path machine = folder.resolve("motcua.properties");
        System.setProperty("motcua.machine.file", machine.toString());
        CliRun unknown = CliRun.motcua(folder.resolve("data"), "config", "provision", "agency.code=000.00.15.H42",
                "hub.adress=https://hub/");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Không có khóa cấu hình \"hub.adress\"");
        CliRun wrong = CliRun.motcua(folder.resolve("data"), "config", "provision", "proxy.port=tám");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(machine).doesNotExist();
    }
}
