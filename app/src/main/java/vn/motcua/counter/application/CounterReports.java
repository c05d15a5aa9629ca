package vn.motcua.counter.application;

import vn.motcua.counter.application.access.CurrentClerk;
import vn.motcua.counter.domain.access.Permission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import vn.motcua.counter.application.audit.Audit;
import vn.motcua.counter.application.audit.AuditAction;
import vn.motcua.counter.application.port.ReportQueries;
import vn.motcua.counter.application.port.ReportRenderer;

/** The counter report for a period, shown in the window and exported as CSV or PDF. */
public final class CounterReports {

    private final ReportQueries queries;
    private final ReportRenderer renderer;
    private final String agencyCode;
    private final Clock clock;
    private final CurrentClerk clerk;
    private volatile Audit audit = Audit.OFF;

    /** @param clerk who is signed in: reports need {@link Permission#REPORTS} (a supervisor) */
    public CounterReports(ReportQueries queries, ReportRenderer renderer, String agencyCode, Clock clock,
                          CurrentClerk clerk) {
        this.clerk = java.util.Objects.requireNonNull(clerk, "who is signed in");
        this.queries = queries;
        this.renderer = renderer;
        this.agencyCode = agencyCode;
        this.clock = clock;
    }

    /** Each report or tracking book written to a file is recorded in {@code value} as an export (decision 1302). */
    public void audit(Audit value) {
        this.audit = value;
    }

    public CounterReport report(LocalDate from, LocalDate to) {
        clerk.require(Permission.REPORTS);
        if (from == null || to == null || to.isBefore(from)) {
            throw new CounterException("report.bad_period", from, to);
        }
        return queries.counterReport(from, to, LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS),
                DossierLists.AWAITING_RESULT, agencyCode);
    }

    /** Writes the report to {@code file} through a temporary file, so a half-written report never replaces one. */
    public void export(CounterReport report, ReportRenderer.Format format, Path file) {
        write(renderer.render(report, format), file);
        audit.record(AuditAction.EXPORT, null,
                "report=" + format + " period=" + report.from() + ".." + report.to());
    }

    /** Writes a produced document (a report, the tracking book) to {@code file} the same way as {@link #export}. */
    public void save(byte[] content, Path file) {
        write(content, file);
        audit.record(AuditAction.EXPORT, null,
                "document bytes=" + content.length);
    }

    private void write(byte[] content, Path file) {
        clerk.require(Permission.REPORTS);
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".report-", ".tmp");
            try {
                Files.write(temporary, content);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new CounterException("report.write_failed", e, target);
        }
    }
}
