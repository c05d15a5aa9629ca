package vn.motcua.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application image packaging/build-image.sh made (packaging/target/image/MotcuaCounter): what it holds, and
 * that its launchers run from it without unpacking any native library to a temp or cache folder.
 */
class AppImageIT {

    static final Path IMAGE = Path.of(System.getProperty("image.dir", "../packaging/target/image/MotcuaCounter"));
    static final Path APP = IMAGE.resolve("lib/app");

    @TempDir
    Path home;

    @Test
    void holdsARuntimeWithJavaFxNativesAndJarsWithoutAny() throws IOException {
        assertThat(IMAGE.resolve("lib/runtime/lib/libglassgtk3.so")).isRegularFile();
        assertThat(IMAGE.resolve("lib/runtime/lib/libprism_sw.so")).isRegularFile();
        assertThat(APP.resolve("native/libsqlitejdbc.so")).isRegularFile();
        assertThat(APP.resolve("native/libjnidispatch.so")).isRegularFile();
        List<String> runtimeModules = Files.readAllLines(IMAGE.resolve("lib/runtime/release")).stream()
                .filter(l -> l.startsWith("MODULES=")).toList();
        assertThat(runtimeModules.getFirst()).contains("javafx.controls", "java.sql", "jdk.localedata")
                .doesNotContain("jdk.compiler", "java.rmi", "jdk.jshell");
        try (Stream<Path> jars = Files.list(APP).filter(p -> p.toString().endsWith(".jar"))) {
            for (Path jar : jars.toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    assertThat(file.stream().map(e -> e.getName()).filter(n -> n.endsWith(".so") || n.endsWith(".dll")
                            || n.endsWith(".dylib") || n.endsWith(".jnilib") || n.startsWith("tessdata/")))
                            .as("native payload left in %s", jar.getFileName()).isEmpty();
                    assertThat(file.getEntry("javafx/scene/Node.class")).as("JavaFX is in the runtime").isNull();
                    // stored, so the .deb's xz packs the classes (decision 0904)
                    assertThat(file.stream().filter(e -> e.getMethod() != ZipEntry.STORED).map(e -> e.getName()))
                            .as("deflated entries in %s", jar.getFileName()).isEmpty();
                }
            }
        }
    }

    @Test
    void bundlesTheCheckedModelsTheTemplateAndTheAotCache() throws IOException {
        for (String line : Files.readAllLines(Path.of("../packaging/tessdata.sha256"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] sumAndName = line.split("\\s+");
            assertThat(sha256(APP.resolve("tessdata").resolve(sumAndName[1]))).isEqualTo(sumAndName[0]);
        }
        assertThat(Files.readString(APP.resolve("config/motcua.properties"))).contains("#agency.code=", "#hub.url=");
        assertThat(APP.resolve("trust/README.md")).isRegularFile();
        assertThat(APP.resolve("motcua.aot")).isRegularFile();
        assertThat(APP.resolve("motcua-cli.aot")).isRegularFile();
        assertThat(Files.readString(APP.resolve("MotcuaCounter.cfg"))).contains("-XX:AOTCache=$APPDIR/motcua.aot",
                "-Dorg.sqlite.lib.path=$APPDIR/native", "-Djna.nounpack=true");
        // the command line's own cache (decision 0903): the window's would load its classes at every command
        assertThat(Files.readString(APP.resolve("motcua.cfg"))).contains("-XX:AOTCache=$APPDIR/motcua-cli.aot",
                "-Djava.awt.headless=true").doesNotContain("motcua.aot");
    }

    @Test
    void linuxLaunchersReadTheirCfgWithoutAskingThePackageManager() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        for (String launcher : List.of("MotcuaCounter", "motcua")) {   // decision 0903: jpackage's runs dpkg -S
            String script = Files.readString(IMAGE.resolve("bin").resolve(launcher));
            String code = script.lines().filter(l -> !l.startsWith("#")).collect(java.util.stream.Collectors.joining("\n"));
            assertThat(script).startsWith("#!/bin/bash");
            assertThat(code).contains(".cfg", "lib/runtime/bin/java").doesNotContain("dpkg", "rpm");
            assertThat(Files.isExecutable(IMAGE.resolve("bin").resolve(launcher))).isTrue();
        }
    }

    @Test
    void theCommandLineRunsDoctorOnTheBundledModelsUnpackingNothing() throws Exception {
        Files.createDirectories(home.resolve("tmp"));
        Map<String, String> clerk = Processes.clerk(home);
        Processes version = Processes.run(clerk, List.of(IMAGE.resolve("bin/motcua").toString(), "version"));
        assertThat(version.output()).contains("Motcua Counter " + System.getProperty("project.version"),
                "JavaFX 25");
        Processes doctor = Processes.run(clerk, List.of(IMAGE.resolve("bin/motcua").toString(), "doctor"));
        assertThat(doctor.output()).containsPattern("OK\\s+tesseract\\s+.*" + APP.resolve("tessdata/vie.traineddata")
                .toAbsolutePath().normalize().toString().replace(".", "\\."));
        assertThat(doctor.exit()).as(doctor.output()).isZero();
        assertNothingUnpacked();
    }

    @Test
    void theWindowComesUpHeadlessUnpackingNothing() throws Exception {
        Files.createDirectories(home.resolve("tmp"));
        String usable = Processes.windowUsable(IMAGE.resolve("bin/MotcuaCounter"), home);
        assertThat(usable).startsWith("usable ");
        assertThat(home.resolve(".local/share/motcua-counter/motcua.db")).isRegularFile();
        assertNothingUnpacked();
    }

    /**
     * On a display without a qualified GPU (Xvfb) the first start falls back to software rendering and remembers it;
     * the next start has GTK leave GL unloaded (decision 0903), as the dynamic linker's own trace shows.
     */
    @Test
    void aStartOnRememberedSoftwareRenderingLoadsNoGl() throws Exception {
        Files.createDirectories(home.resolve("tmp"));
        Path launcher = IMAGE.resolve("bin/MotcuaCounter");
        assertThat(Processes.windowUsable(launcher, home)).startsWith("usable ");
        assertThat(home.resolve(".local/share/motcua-counter/rendering-software")).isRegularFile();

        Path trace = Files.createDirectories(home.resolve("ld")).resolve("trace");
        Map<String, String> traced = Map.of("LD_DEBUG", "files", "LD_DEBUG_OUTPUT", trace.toString());
        assertThat(Processes.windowUsable(launcher, home, traced)).startsWith("usable ");
        StringBuilder loaded = new StringBuilder();
        try (Stream<Path> files = Files.list(trace.getParent())) {
            for (Path file : files.toList()) {   // one file per process: the window's JVM, not Xvfb's own GL
                String one = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (one.contains("libjvm.so")) {
                    loaded.append(one);
                }
            }
        }
        assertThat(loaded).contains("libgtk-3.so").contains("libprism_sw.so");   // the trace saw the window's libraries
        assertThat(loaded).doesNotContain("libGLX_mesa").doesNotContain("swrast_dri").doesNotContain("libGL.so");
    }

    /** No SQLite, JNA or JavaFX library was written to the temp folder or JavaFX's cache (AppLocker blocks them). */
    private void assertNothingUnpacked() throws IOException {
        try (Stream<Path> tmp = Files.walk(home.resolve("tmp"))) {
            assertThat(tmp.filter(Files::isRegularFile).map(Path::toString)
                    .filter(n -> n.endsWith(".so") || n.endsWith(".dll") || n.contains("sqlite") || n.contains("jna")))
                    .isEmpty();
        }
        assertThat(home.resolve(".openjfx")).doesNotExist();
    }

    static String sha256(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
