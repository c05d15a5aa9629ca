package vn.motcua.sync.hub.service;

import static vn.motcua.sync.hub.store.Database.first;
import static vn.motcua.sync.hub.store.Database.list;
import static vn.motcua.sync.hub.store.Database.update;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.sync.hub.domain.DossierStatus;
import vn.motcua.sync.hub.export.Exports;
import vn.motcua.sync.hub.export.PortalRecords;
import vn.motcua.sync.hub.store.Database;
import vn.motcua.sync.wire.Api;
import vn.motcua.sync.wire.DossierManifest;
import vn.motcua.sync.wire.ErrorCode;
import vn.motcua.sync.wire.FileRef;
import vn.motcua.sync.wire.WireJson;

/**
 * The processing department's work on a dossier: status moves 4–10 with who, when and why, result documents,
 * supplement requests. Each is one transaction that updates the dossier, appends a change to its counter's feed
 * and queues the portal's progress record.
 */
public final class Processing {
    private static final Logger LOG = LoggerFactory.getLogger(Processing.class);

    private final Database db;
    private final Clock clock;
    private final Exports exports;

    public Processing(Database db, Clock clock, Exports exports) {
        this.db = db;
        this.clock = clock;
        this.exports = exports;
    }

    public record DossierRow(String code, String counterName, DossierStatus status, String procedureName,
                             String applicantName, OffsetDateTime receivedAt, OffsetDateTime appointmentAt,
                             int latestRevision) {
    }

    public record Revision(int revision, OffsetDateTime acceptedAt, String via, String contentHash) {
    }

    public record DossierView(DossierRow row, DossierManifest manifest, List<Revision> revisions,
                              List<Api.Change> hubHistory) {
        /** The result documents the department attached, newest last. */
        public List<FileRef> results() {
            return hubHistory.stream().filter(c -> c.kind() == Api.ChangeKind.RESULT).flatMap(c -> c.files().stream()).toList();
        }
    }

    private static final String ROW_SQL = """
            select d.code, c.name as counter_name, d.status, d.procedure_name, d.applicant_name, d.received_at,
                   d.appointment_at, d.latest_revision
              from dossiers d join counters c on c.id = d.counter_id""";

    private static DossierRow row(java.sql.ResultSet rs) throws SQLException {
        return new DossierRow(rs.getString("code"), rs.getString("counter_name"),
                DossierStatus.of(rs.getInt("status")).orElseThrow(), rs.getString("procedure_name"),
                rs.getString("applicant_name"), Database.time(rs, "received_at"), Database.time(rs, "appointment_at"),
                rs.getInt("latest_revision"));
    }

    /** Dossiers newest first, by status and counter when given. */
    public List<DossierRow> list(Integer status, String counterName, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder(ROW_SQL).append(" where true");
        if (status != null) {
            sql.append(" and d.status = ?");
            args.add(status);
        }
        if (counterName != null && !counterName.isBlank()) {
            sql.append(" and c.name = ?");
            args.add(counterName);
        }
        sql.append(" order by d.received_at desc, d.code limit ?");
        args.add(limit);
        return db.read(c -> Database.list(c, sql.toString(), Processing::row, args.toArray()));
    }

    public Optional<DossierView> view(String code, Changes changes) {
        return db.read(c -> {
            Optional<DossierRow> row = first(c, ROW_SQL + " where d.code = ?", Processing::row, code);
            if (row.isEmpty()) {
                return Optional.empty();
            }
            String body = first(c, "select body::text from manifests where code = ? and revision = ?",
                    rs -> rs.getString(1), code, row.get().latestRevision()).orElseThrow();
            List<Revision> revisions = Database.list(c, "select revision, accepted_at, via, content_hash from manifests where code = ? order by revision",
                    rs -> new Revision(rs.getInt(1), Database.time(rs, "accepted_at"), rs.getString(3), rs.getString(4)), code);
            try {
                return Optional.of(new DossierView(row.get(), WireJson.mapper().readValue(body, DossierManifest.class),
                        revisions, changes.ofDossier(code)));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("a stored manifest no longer reads", e);
            }
        });
    }

    /** Moves the dossier to {@code to}; refused when the step is not allowed or a needed reason is missing. */
    public void changeStatus(String code, int to, String by, String reason) {
        DossierStatus target = DossierStatus.of(to).filter(s -> s.code() >= 4)
                .orElseThrow(() -> Refusal.badRequest("the department moves dossiers to statuses 4–10"));
        Api.ChangeKind kind = target == DossierStatus.SUPPLEMENT_REQUESTED ? Api.ChangeKind.SUPPLEMENT_REQUEST : Api.ChangeKind.STATUS;
        act(code, target, kind, by, reason, List.of());
    }

    public void requestSupplement(String code, String by, String what) {
        act(code, DossierStatus.SUPPLEMENT_REQUESTED, Api.ChangeKind.SUPPLEMENT_REQUEST, by, what, List.of());
    }

    /** Attaches result documents (already stored); the status stays, the counter sees a RESULT change. */
    public void attachResults(String code, List<FileRef> results, String by, String note) {
        if (results.isEmpty()) {
            throw Refusal.badRequest("choose at least one result document");
        }
        act(code, null, Api.ChangeKind.RESULT, by, note, results);
    }

    private void act(String code, DossierStatus target, Api.ChangeKind kind, String by, String reason, List<FileRef> files) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 2000) {
            throw Refusal.badRequest("the reason is longer than 2000 characters");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        db.inTransaction(c -> {
            record Current(int status, String agency, OffsetDateTime received, OffsetDateTime due) {
            }
            Current current = first(c, "select status, agency_code, received_at, appointment_at from dossiers where code = ? for update",
                    rs -> new Current(rs.getInt(1), rs.getString(2), Database.time(rs, "received_at"), Database.time(rs, "appointment_at")),
                    code).orElseThrow(Refusal::notFound);
            DossierStatus from = DossierStatus.of(current.status()).orElseThrow();
            DossierStatus to = target == null ? from : target;
            if (target != null && !from.canMoveTo(target)) {
                throw new Refusal(ErrorCode.BAD_REQUEST, "a dossier in status " + from.code() + " cannot move to " + target.code());
            }
            if (target != null && target.needsReason() && why == null) {
                throw Refusal.badRequest("status " + target.code() + " needs a reason");
            }
            update(c, "update dossiers set status = ?, updated_at = ? where code = ?", to.code(), now, code);
            for (FileRef f : files) {
                update(c, "insert into dossier_files (code, sha256) values (?,?) on conflict do nothing", code, f.sha256());
            }
            Changes.append(c, code, kind, to.code(), now, by, why, files);
            exports.enqueueProgress(c, code, WireJson.write(PortalRecords.progress(current.agency(), code, to.code(),
                    now.atOffset(Manifests.VIETNAM), by, why != null ? why : to.label(), current.received(), current.due())));
            return null;
        });
        LOG.atInfo().addKeyValue("event", "dossier_" + kind.name().toLowerCase(java.util.Locale.ROOT)).addKeyValue("code", code)
                .addKeyValue("status", target == null ? null : target.code()).log("department action");
    }

    /** Dossier counts by status, for the page's tabs. */
    public java.util.Map<Integer, Long> countsByStatus() {
        java.util.Map<Integer, Long> counts = new java.util.TreeMap<>();
        db.read(c -> Database.list(c, "select status, count(*) from dossiers group by status", rs -> {
            counts.put(rs.getInt(1), rs.getLong(2));
            return null;
        }));
        return counts;
    }

}
