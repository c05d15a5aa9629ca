package vn.motcua.counter.adapters.protection;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Linux: a key-encryption key sealed by this PC's TPM 2.0 through {@code tpm2-tools} (decision 1201). A random
 * 32-byte key wraps the data key (AES-GCM, the keyring id as associated data); the TPM seals that key as a data
 * object under the owner hierarchy's primary storage key (ECC P-256, re-derived from the TPM's own seed on every use,
 * never stored). The keyring keeps the sealed object's public and private parts, which only the same TPM can load: a
 * copied disk, keyring included, opens nothing on another PC. No PCR policy: see 1201's trade-offs.
 * The TPM is reached through a TCTI, by default the kernel resource manager {@code device:/dev/tpmrm0}.
 */
public final class TpmProtection implements KeyProtection {

    public static final String DEFAULT_TCTI = "device:/dev/tpmrm0";
    private static final int FORMAT = 1;
    private static final int MAX_PART = 4096;
    /** The primary key's template: the same on every call, so the TPM derives the same key from its seed. */
    private static final String[] PRIMARY = {"-C", "o", "-g", "sha256", "-G", "ecc", "-c", "primary.ctx"};
    private static final String SEALED_ATTRIBUTES = "fixedtpm|fixedparent|userwithauth|noda";
    private final String tcti;

    public TpmProtection(String tcti) {
        this.tcti = tcti;
    }

    @Override
    public String kind() {
        return "tpm";
    }

    public String tcti() {
        return tcti;
    }

    /** Read-only: whether a TPM answers on the TCTI (for set-up, opening and {@code motcua doctor}). */
    @Override
    public Optional<String> unavailable() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
            return Optional.of("TPM protection is built for Linux only (use dpapi on Windows)");
        }
        if (tcti.startsWith("device:")) {
            Path device = Path.of(tcti.substring("device:".length()));
            if (!Files.exists(device)) {
                return Optional.of("no TPM device " + device);
            }
            if (!Files.isReadable(device) || !Files.isWritable(device)) {
                return Optional.of("the TPM device " + device + " is not open to this account (group tss)");
            }
        }
        try {
            inWorkFolder(tools -> tools.run(new byte[0], "tpm2_getrandom", "--hex", "8"));
            return Optional.empty();
        } catch (ProtectionException e) {
            return Optional.of("no TPM answers on " + tcti + " (" + e.getMessage() + ")");
        }
    }

    @Override
    public byte[] wrap(byte[] dataKey, String keyringId) throws ProtectionException {
        byte[] kek = Sealing.random(32);
        try {
            byte[][] parts = inWorkFolder(tools -> {
                tools.run(new byte[0], "tpm2_createprimary", PRIMARY);
                tools.run(kek, "tpm2_create", "-C", "primary.ctx", "-a", SEALED_ATTRIBUTES, "-i", "-",
                        "-u", "sealed.pub", "-r", "sealed.priv");
                return new byte[][] {read(tools, "sealed.pub"), read(tools, "sealed.priv")};
            });
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(FORMAT);
                for (byte[] part : parts) {
                    out.writeShort(part.length);
                    out.write(part);
                }
                out.write(Sealing.seal(kek, dataKey, keyringId));
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new ProtectionException("the sealed key cannot be written", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrapped, String keyringId) throws ProtectionException {
        byte[] pub;
        byte[] priv;
        byte[] sealed;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(wrapped))) {
            if (in.readUnsignedByte() != FORMAT) {
                throw new ProtectionException("not a TPM-sealed key of a known format");
            }
            pub = part(in);
            priv = part(in);
            sealed = in.readAllBytes();
        } catch (IOException e) {
            throw new ProtectionException("the TPM-sealed key is damaged", e);
        }
        byte[] kek = inWorkFolder(tools -> {
            Files.write(tools.folder().resolve("sealed.pub"), pub);
            Files.write(tools.folder().resolve("sealed.priv"), priv);
            tools.run(new byte[0], "tpm2_createprimary", PRIMARY);
            try {
                tools.run(new byte[0], "tpm2_load", "-C", "primary.ctx", "-u", "sealed.pub", "-r", "sealed.priv",
                        "-c", "sealed.ctx");
            } catch (ProtectionException e) {
                throw new ProtectionException("this TPM cannot load the sealed key (another PC's TPM, or cleared)",
                        e);
            }
            return tools.run(new byte[0], "tpm2_unseal", "-c", "sealed.ctx");
        });
        try {
            if (kek.length != 32) {
                throw new ProtectionException("the TPM gave back a key of " + kek.length + " bytes");
            }
            return Sealing.open(kek, sealed, keyringId);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    private static byte[] part(DataInputStream in) throws IOException, ProtectionException {
        int length = in.readUnsignedShort();
        if (length == 0 || length > MAX_PART) {
            throw new ProtectionException("the TPM-sealed key is damaged");
        }
        return in.readNBytes(length);
    }

    private static byte[] read(Work tools, String name) throws IOException {
        return Files.readAllBytes(tools.folder().resolve(name));
    }

    /** The tools' files (contexts, public and private parts; never the key) live in an owner-only folder, removed after. */
    private <T> T inWorkFolder(Step<T> step) throws ProtectionException {
        Path folder;
        try {
            folder = Files.createTempDirectory("motcua-tpm",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException | UnsupportedOperationException e) {
            throw new ProtectionException("no private temporary folder for the TPM tools", e);
        }
        try {
            return step.run(new Work(new TpmTools(tcti, folder), folder));
        } catch (IOException e) {
            throw new ProtectionException("the TPM tools' files cannot be used", e);
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException ignored) {
                // a leftover holds no key: only TPM-bound parts and contexts of a flushed object
            }
        }
    }

    private record Work(TpmTools tools, Path folder) {
        byte[] run(byte[] stdin, String tool, String... arguments) throws ProtectionException {
            return tools.run(stdin, tool, arguments);
        }
    }

    @FunctionalInterface
    private interface Step<T> {
        T run(Work work) throws ProtectionException, IOException;
    }
}
