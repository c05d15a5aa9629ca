package vn.motcua.sync.hub.service;

import static vn.motcua.sync.hub.store.Database.first;
import static vn.motcua.sync.hub.store.Database.update;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.sync.hub.export.Exports;
import vn.motcua.sync.hub.store.Database;
import vn.motcua.sync.wire.Api;
import vn.motcua.sync.wire.ContentHash;
import vn.motcua.sync.wire.DossierManifest;
import vn.motcua.sync.wire.ErrorCode;
import vn.motcua.sync.wire.FileRef;
import vn.motcua.sync.wire.ManifestRules;
import vn.motcua.sync.wire.WireFormatException;
import vn.motcua.sync.wire.WireJson;

/**
 * Receives dossier manifests exactly once. One transaction per manifest, holding the dossier row's lock: the
 * first counter to send a code owns it; a (code, revision) already held answers with its first answer when the
 * content hash matches, and 409 when it does not; a manifest naming a file the hub lacks is refused whole.
 * Nothing is stored unless everything holds.
 */
public final class Manifests {
    private static final Logger LOG = LoggerFactory.getLogger(Manifests.class);
    public static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private final Database db;
    private final Clock clock;
    private final Exports exports;

    public Manifests(Database db, Clock clock, Exports exports) {
        this.db = db;
        this.clock = clock;
        this.exports = exports;
    }

    /** How the manifest came: over the network or in a USB package (kept with it, shown on the page). */
    public enum Via { NETWORK, USB }

    public Api.ManifestAccepted accept(String counterId, String pathCode, byte[] body, Via via) {
        DossierManifest m = parse(pathCode, body);
        String hash = ContentHash.of(m);
        Api.ManifestAccepted answer = db.inTransaction(c -> store(c, counterId, m, hash, via));
        LOG.atInfo().addKeyValue("event", "manifest").addKeyValue("counter", counterId).addKeyValue("code", m.code())
                .addKeyValue("revision", m.revision()).addKeyValue("via", via).log("manifest accepted");
        return answer;
    }

    public static DossierManifest parse(String pathCode, byte[] body) {
        if (!ManifestRules.isDossierCode(pathCode)) {
            throw new Refusal(ErrorCode.BAD_MANIFEST, "the path does not name a dossier code", "code", null);
        }
        DossierManifest m;
        try {
            m = WireJson.readManifest(body);
        } catch (WireFormatException e) {
            throw new Refusal(body.length > WireJson.MAX_MANIFEST_BYTES ? ErrorCode.TOO_LARGE : ErrorCode.BAD_MANIFEST,
                    e.getMessage(), e.field(), null);
        }
        if (!m.code().equals(pathCode)) {
            throw new Refusal(ErrorCode.BAD_MANIFEST, "the path and the manifest name different dossiers", "code", null);
        }
        return m;
    }

    private Api.ManifestAccepted store(Connection c, String counterId, DossierManifest m, String hash, Via via)
            throws SQLException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // Three statements and the commit (there were eight and more, one per file: under a burst every round trip
        // waits its turn at a busy PostgreSQL; decision 0705). First: the dossier row, new or held, locked, its owner.
        String owner = first(c, """
                insert into dossiers (code, counter_id, agency_code, latest_revision, status, procedure_name,
                                      applicant_name, received_at, appointment_at, updated_at)
                values (?,?,?,?,?,?,?,?,?,?)
                on conflict (code) do update set updated_at = dossiers.updated_at
                returning counter_id""",
                rs -> rs.getString(1), m.code(), counterId, m.agencyCode(), m.revision(), m.status(), m.procedure().name(),
                m.applicant().name(), m.receivedAt(), m.appointmentAt(), now).orElseThrow();
        if (!owner.equals(counterId)) {
            throw new Refusal(ErrorCode.NOT_YOUR_DOSSIER, "this dossier code belongs to another counter");
        }
        // Second: this revision as held (if it is), and the files the hub lacks
        // (with the department's last change and the dossier's status and revision, for who owns the status)
        record Held(String hash, OffsetDateTime at, String body, List<String> missing, Long lastChange, int status,
                    int latestRevision) {
        }
        Held held;
        try (PreparedStatement s = c.prepareStatement("""
                select m.content_hash, m.accepted_at, m.body::text,
                       array(select w from unnest(?::text[]) w
                              where not exists (select 1 from blobs b where b.sha256 = w) order by w collate "C") as missing,
                       (select max(seq) from changes where code = ?) as last_change, d.status, d.latest_revision
                  from dossiers d left join manifests m on m.code = d.code and m.revision = ?
                 where d.code = ?""")) {
            s.setArray(1, c.createArrayOf("text", new TreeSet<>(m.files().stream().map(FileRef::sha256).toList()).toArray()));
            s.setString(2, m.code());
            s.setInt(3, m.revision());
            s.setString(4, m.code());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                held = new Held(rs.getString(1), Database.time(rs, "accepted_at"), rs.getString(3),
                        List.of((String[]) rs.getArray(4).getArray()), (Long) rs.getObject(5, Long.class), rs.getInt(6),
                        rs.getInt(7));
            }
        }
        if (held.hash() != null) {
            if (held.hash().equals(hash)) {
                return new Api.ManifestAccepted(m.code(), m.revision(), held.at());
            }
            throw new Refusal(ErrorCode.MANIFEST_CONFLICT, "revision " + m.revision() + " is held with other content; differs in: "
                    + String.join(", ", differing(held.body(), m)));
        }
        if (!held.missing().isEmpty()) {
            throw new Refusal(ErrorCode.MISSING_FILES, held.missing().size() + " file(s) to upload first", null, held.missing());
        }
        // Who owns the status (PROTOCOL.md): the counter's, until the department acted on the dossier; after that
        // only a counter that had applied the department's latest change moves it, so a manifest made before the
        // counter pulled never reverts the department's status (it is stored whole, its status as information).
        boolean counterKnew = held.lastChange() == null || m.hubChange() != null && m.hubChange() >= held.lastChange();
        DossierManifest stored = counterKnew ? m : m.withStatus(held.status());
        if (!counterKnew && held.latestRevision() < m.revision()) {
            LOG.atInfo().addKeyValue("event", "counter_status_kept_as_information").addKeyValue("code", m.code())
                    .addKeyValue("revision", m.revision()).addKeyValue("counterStatus", m.status())
                    .addKeyValue("hubStatus", held.status()).addKeyValue("hubChange", m.hubChange())
                    .addKeyValue("lastChange", held.lastChange()).log("the department's status kept over the counter's");
        }
        // Third, in one statement: the manifest, its files, the dossier row when this revision is newer, and the
        // portal export (queued for a first revision or a newer one)
        try (PreparedStatement s = c.prepareStatement("""
                with kept as (insert into manifests (code, revision, content_hash, body, accepted_at, via)
                              values (?, ?, ?, ?::jsonb, ?, ?)),
                     files as (insert into dossier_files (code, sha256) select ?, unnest(?::text[]) on conflict do nothing),
                     newer as (update dossiers set latest_revision = ?, status = ?, procedure_name = ?, applicant_name = ?,
                                                   appointment_at = ?, updated_at = ?
                                where code = ? and latest_revision < ? returning code)
                """ + Exports.ENQUEUE_DOSSIER_WHERE + " (exists (select 1 from newer) or ? = 1)")) {
            int i = 0;
            s.setString(++i, m.code());
            s.setInt(++i, m.revision());
            s.setString(++i, hash);
            s.setString(++i, new String(WireJson.write(m), java.nio.charset.StandardCharsets.UTF_8));
            s.setObject(++i, now.atOffset(ZoneOffset.UTC));
            s.setString(++i, via.name());
            s.setString(++i, m.code());
            s.setArray(++i, c.createArrayOf("text", new LinkedHashSet<>(m.files().stream().map(FileRef::sha256).toList()).toArray()));
            s.setInt(++i, m.revision());
            s.setInt(++i, stored.status());
            s.setString(++i, m.procedure().name());
            s.setString(++i, m.applicant().name());
            s.setObject(++i, m.appointmentAt());
            s.setObject(++i, now.atOffset(ZoneOffset.UTC));
            s.setString(++i, m.code());
            s.setInt(++i, m.revision());
            i = exports.bindDossier(s, i, stored, m.revision() > 1 || !counterKnew, now);
            s.setInt(++i, m.revision());
            s.executeUpdate();
        }
        return new Api.ManifestAccepted(m.code(), m.revision(), now.atOffset(VIETNAM));
    }

    /** The manifest's top-level fields whose content differs: names only, no values (they may be personal). */
    private static List<String> differing(String heldBody, DossierManifest incoming) {
        try {
            var mapper = WireJson.mapper();
            JsonNode held = mapper.readTree(ContentHash.canonicalJson(mapper.readValue(heldBody, DossierManifest.class)));
            JsonNode now = mapper.readTree(ContentHash.canonicalJson(incoming));
            Set<String> names = new TreeSet<>();
            held.fieldNames().forEachRemaining(names::add);
            now.fieldNames().forEachRemaining(names::add);
            return names.stream().filter(n -> !java.util.Objects.equals(held.get(n), now.get(n))).toList();
        } catch (IOException e) {
            return List.of("?");
        }
    }
}
