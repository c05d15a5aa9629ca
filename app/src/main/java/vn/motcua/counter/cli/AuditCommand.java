package vn.motcua.counter.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.CounterServices;
import vn.motcua.counter.application.audit.Audit;
import vn.motcua.counter.application.audit.AuditAction;
import vn.motcua.counter.application.audit.AuditEntry;
import vn.motcua.counter.application.audit.AuditVerdict;
import vn.motcua.counter.application.port.AuditStore;
import vn.motcua.counter.i18n.Messages;

/**
 * {@code audit verify|list}: the audit log of personal data (docs/decisions/1302-audit-log.md). {@code verify} walks
 * the hash chain and exits 0 when it is intact, {@value #TAMPERED} when an entry was removed, reordered or altered (each
 * named by its place and time), 1 when the log cannot be read. Both read only, beside the window.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Nhật ký truy cập dữ liệu cá nhân.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.ListEntries.class})
public final class AuditCommand extends CommandGroup {

    static final int TAMPERED = 3;

    public record VerifyResult(boolean intact, long entries, List<String> problems) {
    }

    public record Entry(long seq, String time, String actor, String counter, String action, String dossier,
                        String detail) {
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Kiểm tra chuỗi băm của nhật ký: mục nào bị xoá, đổi chỗ hay sửa.")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            Messages messages = Cli.messages(spec);
            PrintWriter out = spec.commandLine().getOut();
            try (CounterServices counter = Cli.access(spec).openForReading()) {
                AuditVerdict verdict = counter.audit().verify();
                ZoneId zone = counter.clock().getZone();
                List<String> problems = verdict.problems().stream()
                        .map(p -> messages.text(p.messageKey(), p.arguments(zone))).toList();
                VerifyResult result = new VerifyResult(verdict.intact(), verdict.entries(), problems);
                json.print(out, result, () -> {
                    out.println(verdict.intact()
                            ? messages.text("audit.verify.intact", Long.toString(verdict.entries()))
                            : messages.text("audit.verify.tampered", Long.toString(verdict.entries())));
                    problems.forEach(p -> out.println("  " + p));
                });
                return verdict.intact() ? 0 : TAMPERED;
            } catch (CounterException e) {
                spec.commandLine().getErr().println(messages.describe(e));
                spec.commandLine().getErr().flush();
                return 1;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Liệt kê nhật ký, mới nhất trước, theo hồ sơ, thời gian, người hoặc thao tác.")
    static final class ListEntries implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        JsonOption json;
        @Option(names = "--dossier", paramLabel = "CODE", description = "Mã hồ sơ.")
        String dossier;
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Từ ngày (giờ Việt Nam).")
        LocalDate from;
        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Đến hết ngày (giờ Việt Nam).")
        LocalDate to;
        @Option(names = "--who", paramLabel = "NAME", description = "Người thực hiện.")
        String who;
        @Option(names = "--action", paramLabel = "ACTION",
                description = "VIEW, PRINT, EXPORT, SEND, RECEIVE, CHANGE, REMOVE hoặc KEYED.")
        String action;
        @Option(names = "--limit", defaultValue = "200", paramLabel = "N", description = "Số mục tối đa (${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            Messages messages = Cli.messages(spec);
            PrintWriter out = spec.commandLine().getOut();
            AuditAction chosen = null;
            if (action != null) {
                try {
                    chosen = AuditAction.valueOf(action.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    spec.commandLine().getErr().println(messages.text("audit.bad_action", action));
                    spec.commandLine().getErr().flush();
                    return 2;
                }
            }
            try (CounterServices counter = Cli.access(spec).openForReading()) {
                ZoneId zone = counter.clock().getZone();
                AuditStore.Filter filter = new AuditStore.Filter(
                        from == null ? null : from.atStartOfDay(zone).toInstant(),
                        to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), who, dossier, chosen);
                List<Entry> entries = counter.audit().find(filter, Math.max(1, limit)).stream()
                        .map(e -> entry(e, zone)).toList();
                json.print(out, entries, () -> {
                    if (entries.isEmpty()) {
                        out.println(messages.text("audit.list.empty"));
                    }
                    for (Entry e : entries) {
                        out.println("#" + e.seq() + "  " + e.time() + "  " + e.actor() + "  " + e.counter() + "  "
                                + e.action() + "  " + (e.dossier() == null ? "-" : e.dossier()) + "  " + e.detail());
                    }
                });
                return 0;
            } catch (CounterException e) {
                spec.commandLine().getErr().println(messages.describe(e));
                spec.commandLine().getErr().flush();
                return 1;
            }
        }

        private static Entry entry(AuditEntry e, ZoneId zone) {
            return new Entry(e.seq(), Audit.localTime(e.time(), zone), e.actor(), e.counter(), e.action(),
                    e.dossierCode(), e.detail());
        }
    }
}
