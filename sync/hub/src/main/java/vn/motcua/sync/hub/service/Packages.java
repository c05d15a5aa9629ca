package vn.motcua.sync.hub.service;

import static vn.motcua.sync.hub.store.Database.first;
import static vn.motcua.sync.hub.store.Database.update;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.sync.hub.store.Database;
import vn.motcua.sync.wire.DossierManifest;
import vn.motcua.sync.wire.ErrorCode;
import vn.motcua.sync.wire.FileRef;
import vn.motcua.sync.wire.ManifestRules;
import vn.motcua.sync.wire.PackageException;
import vn.motcua.sync.wire.Receipt;
import vn.motcua.sync.wire.UsbPackage;

/**
 * Imports a counter's USB package under the network's rules: each manifest goes through {@link Manifests#accept}
 * (so exactly-once, ownership and conflicts hold the same), after the package's own files are stored and checked
 * against their SHA-256. The signed receipt lists every (code, revision) with its outcome; importing the same
 * package again returns the receipt made the first time.
 */
public final class Packages {
    private static final Logger LOG = LoggerFactory.getLogger(Packages.class);

    private final Database db;
    private final HubKeys keys;
    private final Counters counters;
    private final Manifests manifests;
    private final Uploads uploads;
    private final Path tmp;
    private final Clock clock;

    public Packages(Database db, HubKeys keys, Counters counters, Manifests manifests, Uploads uploads, Path tmp, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.counters = counters;
        this.manifests = manifests;
        this.uploads = uploads;
        this.tmp = tmp;
        this.clock = clock;
    }

    public record Imported(Receipt receipt, byte[] file, boolean again) {
    }

    public Imported importPackage(InputStream in, String by) throws IOException, PackageException {
        try (UsbPackage.Opened pkg = UsbPackage.open(in, keys.privateKey(), keys.publicKey(),
                id -> counters.byKeyId(id).map(Counters.CounterKey::publicKey).orElse(null), tmp)) {
            String counterId = counters.byKeyId(pkg.signerKeyId()).orElseThrow().counterId();
            if (!counterId.equals(pkg.header().counterId())) {
                throw new PackageException(PackageException.BAD_SIGNATURE, "the package names another counter than its signer");
            }
            String packageId = pkg.header().packageId();
            if (packageId == null || !packageId.matches("[0-9A-Za-z-]{1,64}")) {
                throw new PackageException(PackageException.NOT_A_PACKAGE, "package id missing or malformed");
            }
            Optional<byte[]> earlier = db.read(c -> first(c, "select receipt from package_imports where package_id = ?", rs -> rs.getBytes(1), packageId));
            if (earlier.isPresent()) {
                return new Imported(Receipt.verify(earlier.get(), keys.publicKey()), earlier.get(), true);
            }
            List<Receipt.Entry> entries = new ArrayList<>();
            for (UsbPackage.ManifestEntry entry : pkg.manifests()) {
                entries.add(importOne(pkg, counterId, entry));
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Receipt receipt = new Receipt(packageId, counterId, now.atOffset(Manifests.VIETNAM), entries);
            byte[] file = receipt.sign(keys.privateKey(), keys.publicKey());
            db.inTransaction(c -> update(c, "insert into package_imports (package_id, counter_id, imported_at, imported_by, receipt) values (?,?,?,?,?) on conflict do nothing",
                    packageId, counterId, now, by, file));
            byte[] kept = db.read(c -> first(c, "select receipt from package_imports where package_id = ?", rs -> rs.getBytes(1), packageId)).orElseThrow();
            LOG.atInfo().addKeyValue("event", "package_imported").addKeyValue("counter", counterId)
                    .addKeyValue("manifests", entries.size())
                    .addKeyValue("accepted", entries.stream().filter(Receipt.Entry::accepted).count()).log("USB package imported");
            return new Imported(Receipt.verify(kept, keys.publicKey()), kept, false);
        }
    }

    private Receipt.Entry importOne(UsbPackage.Opened pkg, String counterId, UsbPackage.ManifestEntry entry) throws IOException {
        try {
            DossierManifest m = Manifests.parse(entry.code(), entry.json());
            if (m.revision() != entry.revision()) {
                throw new Refusal(ErrorCode.BAD_MANIFEST, "the entry's name and the manifest differ in revision", "revision", null);
            }
            for (FileRef f : m.files()) {
                if (!uploads.held(f.sha256())) {
                    try (InputStream file = pkg.openFile(f.sha256())) {
                        if (file != null) {
                            uploads.storeWhole(file, f.sha256(), ManifestRules.MAX_FILE_BYTES);
                        }
                    }
                }
            }
            manifests.accept(counterId, entry.code(), entry.json(), Manifests.Via.USB);
            return new Receipt.Entry(entry.code(), entry.revision(), ErrorCode.ACCEPTED, null);
        } catch (Refusal r) {
            return new Receipt.Entry(entry.code(), entry.revision(), r.code(), r.getMessage());
        }
    }
}
