package vn.motcua.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portable zip unpacked by a user anywhere: its checksum manifest holds, and the command line runs from it. */
class PortableZipIT {

    @TempDir
    Path unpacked;
    @TempDir
    Path home;

    @Test
    void runsWhereverItIsUnpackedAndChecksItself() throws Exception {
        Path zip;
        try (Stream<Path> files = Files.list(DebPackageIT.INSTALLERS)) {
            zip = files.filter(p -> p.getFileName().toString().endsWith("-linux-x86-64.zip")).findFirst()
                    .orElseThrow();
        }
        assertThat(Processes.run("unzip", "-q", zip.toString(), "-d", unpacked.toString()).exit()).isZero();
        Path image = unpacked.resolve("MotcuaCounter");
        Processes check = Processes.run(java.util.Map.of(), List.of("bash", "-c",
                "cd '" + image + "' && sha256sum --quiet -c SHA256SUMS"));
        assertThat(check.exit()).as(check.output()).isZero();
        Files.createDirectories(home.resolve("tmp"));
        Processes version = Processes.run(Processes.clerk(home), List.of(image.resolve("bin/motcua").toString(),
                "version"));
        assertThat(version.exit()).as(version.output()).isZero();
        assertThat(version.output()).contains("Motcua Counter");
    }
}
