package vn.motcua.counter.cli;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.CounterServices;
import vn.motcua.counter.application.capture.ElectronicCopies;
import vn.motcua.counter.application.stage.WorkItem;
import vn.motcua.counter.domain.Document;
import vn.motcua.counter.domain.Dossier;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.ElectronicCopy;
import vn.motcua.counter.domain.Page;
import vn.motcua.counter.i18n.HistoryText;
import vn.motcua.counter.i18n.Messages;

/** {@code dossier show CODE}: a dossier as the counter holds it, with its electronic copies and its pipeline. */
@Command(name = "dossier", description = "Hồ sơ đã tiếp nhận.", mixinStandardHelpOptions = true,
        subcommands = {DossierCommand.Show.class})
public final class DossierCommand extends CommandGroup {

    /** One component: its pages by content id (SHA-256) and its electronic copy. */
    public record Component(int position, String name, List<String> pages, CopyView copy) {
    }

    public record CopyView(String state, String contentId, long bytes, int pagesRead, int pagesWithoutText,
                           LocalDateTime madeAt) {
    }

    /** One stage item: what it works on, where it stands, and its last error in the clerk's words. */
    public record StageView(long id, String stage, long subject, String state, int attempts, String error,
                            String errorDetail) {
    }

    public record Result(String code, int status, String statusName, String procedureCode, String procedureName,
                         String applicant, String idNumber, LocalDateTime receivedAt, LocalDateTime appointmentAt,
                         List<Component> components, List<ResultView> results, List<StageView> stages,
                         List<HistoryLine> history) {
    }

    /**
     * One result document's page or file, ready to hand over: scanned or imported at the counter, or downloaded from
     * the hub ({@code source} HUB); a file from the hub still downloading is a FETCH_RESULT stage item.
     */
    public record ResultView(String name, String contentId, long bytes, String mediaType, String source,
                             LocalDateTime attachedAt, String attachedBy) {
    }

    /** One entry of the history, as the dossier screen words it ({@code text}); {@code kind} as stored. */
    public record HistoryLine(LocalDateTime at, String by, String kind, String text) {
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "In hồ sơ: trạng thái, các thành phần và trang (mã nội dung SHA-256), bản điện tử, lịch sử, các công đoạn.")
    static final class Show implements Callable<Integer> {

        private static final java.time.format.DateTimeFormatter HISTORY_TIME =
                java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/uuuu");

        @Spec
        CommandSpec spec;
        @Mixin
        JsonOption json;
        @Parameters(paramLabel = "CODE", description = "Mã hồ sơ, ví dụ 000.00.00.H26-261204-0001.")
        String code;

        @Override
        public Integer call() {
            Messages messages = Cli.messages(spec);
            PrintWriter out = spec.commandLine().getOut();
            DossierCode dossierCode;
            try {
                dossierCode = DossierCode.parse(code.strip());
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(messages.text("cli.bad_dossier_code", code));
                spec.commandLine().getErr().flush();
                return 2;
            }
            try (CounterServices counter = Cli.openForReading(spec)) {
                Result result = result(counter, dossierCode, messages);
                json.print(out, result, () -> print(out, result, messages));
                return 0;
            } catch (CounterException e) {
                spec.commandLine().getErr().println(messages.describe(e));
                spec.commandLine().getErr().flush();
                return 1;
            }
        }

        private static Result result(CounterServices counter, DossierCode code, Messages messages) {
            Dossier dossier = counter.lifecycle().dossier(code);
            List<ElectronicCopies.CopyWork> copies = counter.copies().of(code);
            List<Document> documents = dossier.documents();
            List<Component> components = new java.util.ArrayList<>();
            for (int i = 0; i < documents.size(); i++) {
                int position = i + 1;
                ElectronicCopy copy = copies.stream().map(ElectronicCopies.CopyWork::copy)
                        .filter(c -> c.component().position() == position).findFirst().orElse(null);
                components.add(new Component(position, documents.get(i).component().name(),
                        documents.get(i).pages().stream().map(Page::contentId).toList(), copy == null ? null
                        : new CopyView(copy.state().name(), copy.pdfContentId(), copy.byteSize(), copy.pagesRead(),
                        copy.pagesWithoutText(), copy.madeAt())));
            }
            List<StageView> stages = counter.copies().workOf(code).stream().map(item -> stage(item, messages))
                    .toList();
            List<ResultView> results = counter.lifecycle().progress(code).results().stream()
                    .map(r -> new ResultView(r.documentName(), r.page().contentId(), r.page().byteSize(),
                            r.page().mediaType(), r.page().source().name(), r.attachedAt(), r.attachedBy()))
                    .toList();
            return new Result(code.value(), dossier.status().portalCode(), messages.text("status." + dossier.status().name()),
                    dossier.procedureCode(), dossier.procedureName(), dossier.applicant().fullName(),
                    dossier.applicant().idNumber().masked(), dossier.receivedAt(), dossier.appointmentAt(),
                    components, results, stages, history(counter, code, messages));
        }

        private static List<HistoryLine> history(CounterServices counter, DossierCode code, Messages messages) {
            HistoryText text = new HistoryText(messages, counter.lifecycle().progress(code).rating());
            return counter.lifecycle().history(code).stream()
                    .map(e -> new HistoryLine(e.at(), e.actor(), e.kind(), text.sentence(e))).toList();
        }

        private static StageView stage(WorkItem item, Messages messages) {
            return new StageView(item.id(), item.stage().name(), item.subjectId(), item.state().name(),
                    item.attempts(), item.error() == null ? null
                    : messages.text(item.error().messageKey(), item.error().arguments().toArray()),
                    item.error() == null ? null : item.error().detail());
        }

        private static void print(PrintWriter out, Result r, Messages messages) {
            out.printf("%s  %s (%d)%n%s %s%n%s, %s%n", r.code(), r.statusName(), r.status(), r.procedureCode(),
                    r.procedureName(), r.applicant(), r.idNumber());
            out.println(messages.text("cli.dossier.dates", r.receivedAt(), r.appointmentAt()));
            for (Component c : r.components()) {
                out.printf("%d. %s: %d %s%n", c.position(), c.name(), c.pages().size(),
                        messages.text("cli.dossier.pages"));
                c.pages().forEach(p -> out.println("     " + p));
                if (c.copy() != null) {
                    out.printf("   %s %s%s%n", messages.text("cli.dossier.copy"), c.copy().state(),
                            c.copy().contentId() == null ? "" : " " + c.copy().contentId() + " (" + c.copy().bytes()
                                    + " B)");
                }
            }
            for (ResultView v : r.results()) {
                out.println(messages.text("cli.dossier.result", v.name(), messages.text("result.source." + v.source()),
                        v.contentId(), v.bytes()));
            }
            for (HistoryLine h : r.history()) {
                out.println("  " + messages.text("history.line", h.at().format(HISTORY_TIME), h.by(), h.text()));
            }
            for (StageView s : r.stages()) {
                out.printf("  #%d %-16s %-7s %d %s%n", s.id(), s.stage(), s.state(), s.attempts(),
                        s.error() == null ? "" : s.error());
            }
        }
    }
}
