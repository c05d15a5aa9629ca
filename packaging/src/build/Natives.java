import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * Build step of packaging/build-image.sh (run with the JDK's source launcher, so it works the same on Linux and on a
 * Windows runner): copies the application's jars into the image with every native library and bundled Tesseract
 * model taken out (and any jar signature, which keeps its classes out of the AOT cache), and writes this platform's
 * native libraries into one folder, from which the launcher loads them (org.sqlite.lib.path, jna.boot.library.path,
 * jna.library.path). Nothing is then unpacked to a temp folder at run time, which AppLocker-style policies block.
 * The jars' entries are stored, not deflated: the installers' own compression (the .deb's xz) packs stored classes
 * to half of what it makes of deflated ones, as with the runtime's modules (decision 0904).
 *
 *   java Natives.java strip PLATFORM OUT_JARS OUT_NATIVE JAR...    PLATFORM: linux-x86-64 or windows-x86-64
 *   java Natives.java extract PLATFORM OUT_FOLDER JAR...           top-level libraries only (JavaFX's)
 */
public final class Natives {

    /** Where each library keeps this platform's natives inside its jar (sqlite-jdbc, JNA, Tess4J and Lept4J). */
    private static List<String> platformFolders(String platform) {
        return switch (platform) {
            case "linux-x86-64" -> List.of("org/sqlite/native/Linux/x86_64/", "com/sun/jna/linux-x86-64/");
            case "windows-x86-64" -> List.of("org/sqlite/native/Windows/x86_64/", "com/sun/jna/win32-x86-64/",
                    "win32-x86-64/");
            default -> throw new IllegalArgumentException("unknown platform " + platform);
        };
    }

    static boolean isNative(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".so") || n.endsWith(".dll") || n.endsWith(".dylib") || n.endsWith(".jnilib")
                || n.endsWith(".a") || n.matches(".*\\.so\\.[0-9.]+");
    }

    /**
     * A jar's signature (Bouncy Castle's jars are signed): classes of a signed jar go in no CDS archive or AOT cache,
     * so the window's start loaded and verified Bouncy Castle's ~430 classes from the jars each time (decision 0903).
     * Nothing checks these signatures here: OpenJDK does not ask a JCE provider's jar to be signed, and the jars are
     * the ones Maven checked when it fetched them.
     */
    static boolean isSignature(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        return n.startsWith("META-INF/") && n.indexOf('/', "META-INF/".length()) < 0
                && (n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA") || n.endsWith(".EC"));
    }

    /** Tess4J ships old English and OSD models in its jar; the image has its own, checked, in tessdata/. */
    static boolean isBundledModel(String name) {
        return name.startsWith("tessdata/");
    }

    public static void main(String[] args) throws IOException {
        String platform = args[1];
        if (args[0].equals("strip")) {
            Path jars = Files.createDirectories(Path.of(args[2]));
            Path natives = Files.createDirectories(Path.of(args[3]));
            for (int i = 4; i < args.length; i++) {
                strip(Path.of(args[i]), jars, natives, platformFolders(platform));
            }
        } else if (args[0].equals("extract")) {
            Path out = Files.createDirectories(Path.of(args[2]));
            for (int i = 3; i < args.length; i++) {
                try (JarFile jar = new JarFile(args[i].toString())) {
                    for (JarEntry e : jar.stream().toList()) {
                        if (!e.isDirectory() && !e.getName().contains("/") && isNative(e.getName())) {
                            copy(jar, e, out.resolve(e.getName()));
                        }
                    }
                }
            }
        } else {
            throw new IllegalArgumentException("strip or extract");
        }
    }

    private static void strip(Path source, Path jars, Path natives, List<String> folders) throws IOException {
        int removed = 0;
        try (JarFile jar = new JarFile(source.toFile());
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(jars.resolve(source.getFileName())))) {
            for (JarEntry e : jar.stream().toList()) {
                String name = e.getName();
                if (isSignature(name)) {
                    removed++;
                    continue;
                }
                if (isNative(name) || isBundledModel(name)) {
                    removed++;
                    String folder = folders.stream().filter(name::startsWith).findFirst().orElse(null);
                    if (folder != null && !name.substring(folder.length()).contains("/")) {
                        copy(jar, e, natives.resolve(name.substring(folder.length())));
                    }
                    continue;
                }
                byte[] content;
                try (InputStream in = jar.getInputStream(e)) {
                    content = in.readAllBytes();
                }
                // a stored entry needs its size and CRC before its bytes
                JarEntry copy = new JarEntry(name);
                copy.setTime(e.getTime());
                copy.setMethod(ZipEntry.STORED);
                copy.setSize(content.length);
                CRC32 crc = new CRC32();
                crc.update(content);
                copy.setCrc(crc.getValue());
                out.putNextEntry(copy);
                out.write(content);
                out.closeEntry();
            }
        }
        if (removed > 0) {
            System.out.println("  " + source.getFileName() + ": " + removed + " native, model or signature entries taken out");
        }
    }

    private static void copy(JarFile jar, JarEntry entry, Path target) throws IOException {
        try (InputStream in = jar.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
        }
        System.out.println("  native " + target.getFileName() + " from " + Path.of(jar.getName()).getFileName());
    }
}
