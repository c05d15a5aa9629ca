package vn.motcua.counter.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.CounterException;

/**
 * Writes keys into the machine-wide configuration, as the installers do at a silent install ({@code motcua config
 * provision KEY=VALUE…}, run as administrator): a missing file starts from the template with every key, a key's
 * line (commented or not) gets the value, other lines and comments stay; empty values are skipped (an msiexec
 * property left out). The file is then readable by everyone and writable by administrators only.
 */
final class MachineConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(MachineConfiguration.class);

    private MachineConfiguration() {
    }

    static Path provision(Path file, Map<String, String> values) {
        for (var entry : values.entrySet()) {
            var key = SettingKeys.find(entry.getKey()).orElseThrow(() -> new CounterException(
                    "settings.provision_unknown", entry.getKey()));
            if (!entry.getValue().isBlank() && !key.valid().test(entry.getValue())) {
                throw new CounterException("settings.provision_wrong", entry.getKey(), entry.getValue(),
                        key.expected());
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            List<String> lines = new ArrayList<>(Files.exists(file)
                    ? Files.readAllLines(file, StandardCharsets.UTF_8) : template());
            for (var entry : values.entrySet()) {
                if (!entry.getValue().isBlank()) {
                    set(lines, entry.getKey(), entry.getValue().strip());
                }
            }
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "motcua", ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            readableByAllWritableByAdministrators(file);
            return file;
        } catch (IOException e) {
            throw new CounterException("store.folder_unwritable", e, file.getParent());
        }
    }

    private static List<String> template() throws IOException {
        try (InputStream in = MachineConfiguration.class.getResourceAsStream("/config/motcua.properties")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** Replaces the key's first line, commented or not, else appends it; later lines of the key are removed. */
    private static void set(List<String> lines, String key, String value) {
        Pattern line = Pattern.compile("^\\s*#?\\s*" + Pattern.quote(key) + "\\s*[=:].*$");
        String written = key + "=" + escape(value);
        boolean done = false;
        for (int i = 0; i < lines.size(); i++) {
            if (line.matcher(lines.get(i)).matches() && !(done && lines.get(i).stripLeading().startsWith("#"))) {
                if (done) {
                    lines.remove(i--);
                } else {
                    lines.set(i, written);
                    done = true;
                }
            }
        }
        if (!done) {
            lines.add(written);
        }
    }

    /** Backslashes (Windows paths) doubled, as the properties format reads them. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }

    private static void readableByAllWritableByAdministrators(Path file) throws IOException {
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (acl == null) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            return;
        }
        UserPrincipalLookupService names = file.getFileSystem().getUserPrincipalLookupService();
        try {
            List<AclEntry> entries = new ArrayList<>();
            for (String admin : List.of("BUILTIN\\Administrators", "NT AUTHORITY\\SYSTEM")) {
                entries.add(AclEntry.newBuilder().setType(AclEntryType.ALLOW)
                        .setPrincipal(names.lookupPrincipalByName(admin))
                        .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build());
            }
            entries.add(AclEntry.newBuilder().setType(AclEntryType.ALLOW)
                    .setPrincipal(names.lookupPrincipalByGroupName("BUILTIN\\Users"))
                    .setPermissions(AclEntryPermission.READ_DATA, AclEntryPermission.READ_ATTRIBUTES,
                            AclEntryPermission.READ_NAMED_ATTRS, AclEntryPermission.READ_ACL,
                            AclEntryPermission.SYNCHRONIZE).build());
            acl.setAcl(entries); // replaces the inherited entries that let users write in ProgramData
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("could not restrict {} to administrators: {}", file, e.toString());
        }
    }
}
