package vn.motcua.counter.adapters.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.DossierEvent;
import vn.motcua.counter.application.port.DossierProgress;
import vn.motcua.counter.application.port.IssuedForm;
import vn.motcua.counter.application.port.LifecycleStep;
import vn.motcua.counter.application.port.ResultPage;
import vn.motcua.counter.application.port.TrackingBookEntry;
import vn.motcua.counter.domain.lifecycle.FormKind;
import vn.motcua.counter.application.port.DossierStore;
import vn.motcua.counter.application.port.DossierSummary;
import vn.motcua.counter.domain.AgencyCode;
import vn.motcua.counter.domain.Applicant;
import vn.motcua.counter.domain.ComponentRequirement;
import vn.motcua.counter.domain.CounterSlot;
import vn.motcua.counter.domain.Document;
import vn.motcua.counter.domain.Dossier;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.Page;
import vn.motcua.counter.domain.ProcessingTime;
import vn.motcua.counter.domain.Status;
import vn.motcua.counter.domain.identity.ApplicantId;
import vn.motcua.counter.domain.identity.IdKind;
import vn.motcua.counter.domain.identity.PassportNumber;
import vn.motcua.counter.domain.identity.Sex;

/** Dossiers in the SQLite file. */
public final class SqliteDossierStore implements DossierStore {

    private final Database db;
    private final CounterSlot slot;
    private final LifecycleRows lifecycle;

    public SqliteDossierStore(Database db) {
        this(db, CounterSlot.ONLY);
    }

    public SqliteDossierStore(Database db, CounterSlot slot) {
        this.db = db;
        this.slot = slot;
        this.lifecycle = new LifecycleRows(db);
    }

    @Override
    public void record(DossierCode code, LifecycleStep step) {
        lifecycle.record(code, step);
    }

    @Override
    public int reserveFormNumber(AgencyCode agency, FormKind form, int year) {
        return lifecycle.reserveFormNumber(agency, form, year);
    }

    @Override
    public void saveIssuedForm(DossierCode code, IssuedForm form, LocalDate periodFrom, LocalDate periodTo) {
        lifecycle.saveIssuedForm(code, form, periodFrom, periodTo);
    }

    @Override
    public void attachResult(DossierCode code, List<ResultPage> pages) {
        lifecycle.attachResult(code, pages);
    }

    @Override
    public Optional<DossierProgress> progress(DossierCode code) {
        return lifecycle.progress(code);
    }

    @Override
    public List<TrackingBookEntry> trackingBook(LocalDate from, LocalDate to) {
        return lifecycle.trackingBook(from, to);
    }

    /**
     * The day's first reservation fixes the counter's slot for that day, so a slot changed by IT staff during the day
     * takes effect the next day and can never repeat a number already given today.
     */
    @Override
    public DossierCode reserveCode(AgencyCode agency, LocalDate receptionDate) {
        int number = db.inTransaction(c -> {
            Agencies.refuseClosed(c, agency, receptionDate);
            return Rows.first(c, """
                    INSERT INTO code_sequences (agency_code, day, last_number, counter_number, counter_count)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (agency_code, day) DO UPDATE SET last_number = last_number + counter_count
                    RETURNING last_number""", rs -> rs.getInt(1), agency.value(), receptionDate.toString(),
                    slot.first(), slot.number(), slot.count()).orElseThrow();
        });
        if (number > DossierCode.MAX_SEQUENCE) {
            throw new CounterException("reception.day_full", agency.value(), receptionDate);
        }
        return new DossierCode(agency, receptionDate, number);
    }

    @Override
    public void saveReceived(Dossier dossier, String receiptContentId, List<DossierEvent> receptionEvents) {
        db.inTransaction(c -> {
            long dossierId = insertDossier(c, db.columns(), dossier, receiptContentId);
            DossierIndex.afterInsert(c, db.columns(), dossierId, dossier.procedureCode(), dossier.applicant());
            int position = 0;
            for (Document document : dossier.documents()) {
                long componentId = insertComponent(c, db.columns(), dossierId, ++position, document.component());
                insertPages(c, componentId, document.pages());
            }
            appendEvent(c, db.columns(), dossierId, new DossierEvent(dossier.receivedAt(), dossier.receivedBy(),
                    "RECEIVED", "status=" + dossier.status().portalCode() + " pages=" + dossier.pageCount()
                            + " receipt=" + receiptContentId));
            for (DossierEvent event : receptionEvents) {
                appendEvent(c, db.columns(), dossierId, event);
            }
            return null;
        });
    }

    /** Personal columns sealed (decision 1201); the ID number also as its search token. */
    private static long insertDossier(Connection c, PersonalColumns p, Dossier d, String receiptContentId)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO dossiers (code, agency_code, procedure_code, procedure_name, processing_days,
                    processing_hours, applicant_name, applicant_id_number, applicant_birth_date, applicant_sex, applicant_address,
                    applicant_phone, applicant_email, status, received_at, appointment_at, received_by,
                    receipt_content_id, applicant_id_kind, applicant_id_country, applicant_representative,
                    applicant_id_token)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Statement.RETURN_GENERATED_KEYS)) {
            Applicant a = d.applicant();
            st.setString(1, d.code().value());
            st.setString(2, d.code().agency().value());
            st.setString(3, d.procedureCode());
            st.setString(4, d.procedureName());
            st.setInt(5, d.processingTime().workingDays());
            st.setInt(6, d.processingTime().workingHours());
            st.setString(7, p.seal("applicant_name", a.fullName()));
            st.setString(8, p.seal("applicant_id_number", a.idNumber().value()));
            st.setString(9, p.seal("applicant_birth_date", a.birthDate() == null ? null : a.birthDate().toString()));
            st.setString(10, a.sex() == null ? null : a.sex().name());
            st.setString(11, p.seal("applicant_address", a.address()));
            st.setString(12, p.seal("applicant_phone", a.phone()));
            st.setString(13, p.seal("applicant_email", a.email()));
            st.setInt(14, d.status().portalCode());
            st.setString(15, d.receivedAt().toString());
            st.setString(16, d.appointmentAt().toString());
            st.setString(17, d.receivedBy());
            st.setString(18, receiptContentId);
            st.setString(19, a.idNumber().kind().name());
            st.setString(20, a.idNumber() instanceof PassportNumber passport ? passport.issuingCountry() : null);
            st.setString(21, p.seal("applicant_representative", a.representative()));
            st.setString(22, p.idToken(a.idNumber().value()));
            st.executeUpdate();
            return generatedKey(st);
        }
    }

    private static long insertComponent(Connection c, PersonalColumns p, long dossierId, int position,
                                        ComponentRequirement r) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO components (dossier_id, position, name, originals, copies, note) VALUES (?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            st.setLong(1, dossierId);
            st.setInt(2, position);
            st.setString(3, r.name());
            setNullableInt(st, 4, r.originals());
            setNullableInt(st, 5, r.copies());
            st.setString(6, p.seal(PersonalColumns.COMPONENT_NOTE, r.note()));
            st.executeUpdate();
            return generatedKey(st);
        }
    }

    private static void insertPages(Connection c, long componentId, List<Page> pages) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO pages (component_id, position, content_id, media_type, byte_size, source) VALUES (?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (Page page : pages) {
                st.setLong(1, componentId);
                st.setInt(2, ++position);
                st.setString(3, page.contentId());
                st.setString(4, page.mediaType());
                st.setLong(5, page.byteSize());
                st.setString(6, page.source().name());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private static void appendEvent(Connection c, PersonalColumns p, long dossierId, DossierEvent event)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO dossier_events (dossier_id, at, actor, kind, detail) VALUES (?, ?, ?, ?, ?)")) {
            st.setLong(1, dossierId);
            st.setString(2, event.at().toString());
            st.setString(3, event.actor());
            st.setString(4, event.kind());
            st.setString(5, p.seal(PersonalColumns.EVENT_DETAIL, event.detail()));
            st.executeUpdate();
        }
    }

    @Override
    public Optional<Dossier> dossier(DossierCode code) {
        return db.read(c -> Rows.first(c, "SELECT * FROM dossiers WHERE code = ?",
                rs -> toDossier(c, db.columns(), rs), code.value()));
    }

    @Override
    public List<DossierCode> dossiersOf(ApplicantId applicant) {
        String country = applicant instanceof PassportNumber passport ? passport.issuingCountry() : "";
        return db.read(c -> Rows.list(c, """
                SELECT code FROM dossiers WHERE applicant_id_token = ? AND applicant_id_kind = ?
                    AND coalesce(applicant_id_country, '') = ? ORDER BY id DESC""",
                rs -> DossierCode.parse(rs.getString(1)), db.columns().idToken(applicant.value()),
                applicant.kind().name(), country));
    }

    @Override
    public Optional<String> receiptContentId(DossierCode code) {
        return db.read(c -> Rows.first(c, "SELECT receipt_content_id FROM dossiers WHERE code = ?",
                rs -> rs.getString(1), code.value()));
    }

    @Override
    public List<DossierSummary> receivedOn(LocalDate day) {
        return db.read(c -> SqliteDossierQueries.summaries(c, db.columns(), SqliteDossierQueries.SUMMARY
                + "WHERE received_at >= ? AND received_at < ? ORDER BY received_at DESC, id DESC",
                day.atStartOfDay().toString(), day.plusDays(1).atStartOfDay().toString()));
    }

    @Override
    public List<DossierEvent> history(DossierCode code) {
        return db.read(c -> Rows.list(c, """
                SELECT e.at, e.actor, e.kind, e.detail FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id
                WHERE d.code = ? ORDER BY e.id""",
                rs -> new DossierEvent(LocalDateTime.parse(rs.getString(1)), rs.getString(2), rs.getString(3),
                        db.columns().open(PersonalColumns.EVENT_DETAIL, rs.getString(4))), code.value()));
    }

    private static Dossier toDossier(Connection c, PersonalColumns p, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        Applicant applicant = new Applicant(opened(p, rs, "applicant_name"),
                ApplicantId.stored(IdKind.valueOf(rs.getString("applicant_id_kind")),
                        opened(p, rs, "applicant_id_number"), rs.getString("applicant_id_country")),
                opened(p, rs, "applicant_representative"),
                parseDate(opened(p, rs, "applicant_birth_date")),
                rs.getString("applicant_sex") == null ? null : Sex.valueOf(rs.getString("applicant_sex")),
                opened(p, rs, "applicant_address"), opened(p, rs, "applicant_phone"),
                opened(p, rs, "applicant_email"));
        return new Dossier(DossierCode.parse(rs.getString("code")), applicant, rs.getString("procedure_code"),
                rs.getString("procedure_name"), new ProcessingTime(rs.getInt("processing_days"), rs.getInt("processing_hours")),
                documents(c, p, id), Status.ofPortalCode(rs.getInt("status")),
                LocalDateTime.parse(rs.getString("received_at")), LocalDateTime.parse(rs.getString("appointment_at")),
                rs.getString("received_by"));
    }

    private static List<Document> documents(Connection c, PersonalColumns p, long dossierId) throws SQLException {
        return Rows.list(c, "SELECT id, name, originals, copies, note FROM components WHERE dossier_id = ? "
                        + "ORDER BY position",
                rs -> new Document(new ComponentRequirement(rs.getString(2), nullableInt(rs, 3), nullableInt(rs, 4),
                        p.open(PersonalColumns.COMPONENT_NOTE, rs.getString(5))), pages(c, rs.getLong(1))), dossierId);
    }

    private static List<Page> pages(Connection c, long componentId) throws SQLException {
        return Rows.list(c, "SELECT content_id, media_type, byte_size, source FROM pages WHERE component_id = ? "
                        + "ORDER BY position",
                rs -> new Page(rs.getString(1), rs.getString(2), rs.getLong(3), Page.PageSource.valueOf(rs.getString(4))),
                componentId);
    }

    private static long generatedKey(Statement st) throws SQLException {
        try (ResultSet keys = st.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    static void setNullableInt(PreparedStatement st, int index, Integer value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.INTEGER);
        } else {
            st.setInt(index, value);
        }
    }

    private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static String opened(PersonalColumns p, ResultSet rs, String column) throws SQLException {
        return p.open(column, rs.getString(column));
    }

    private static LocalDate parseDate(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
