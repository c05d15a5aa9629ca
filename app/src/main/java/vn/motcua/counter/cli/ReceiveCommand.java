package vn.motcua.counter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.motcua.counter.application.ApplicantForm;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.CounterServices;
import vn.motcua.counter.application.Receipt;
import vn.motcua.counter.application.ReceptionRequest;
import vn.motcua.counter.domain.ComponentRequirement;
import vn.motcua.counter.domain.Document;
import vn.motcua.counter.domain.Page;
import vn.motcua.counter.domain.Procedure;
import vn.motcua.counter.domain.ProcessingTime;
import vn.motcua.counter.domain.calendar.LunarCalendar;
import vn.motcua.counter.domain.identity.IdKind;
import vn.motcua.counter.domain.identity.Sex;
import vn.motcua.counter.i18n.Messages;

/**
 * {@code receive --procedure CODE --name NAME --id NUMBER --page N=FILE…}: receives a dossier as the window does
 * (the same checks and messages as the form, the same reception, receipt and pipeline), for batch work and tests from
 * outside. Exit 0 received, 1 refused (the reason is printed), 2 usage.
 */
@Command(name = "receive", mixinStandardHelpOptions = true,
        description = "Tiếp nhận một hồ sơ (như màn hình tiếp nhận): in mã hồ sơ và ngày hẹn trả.")
public final class ReceiveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    JsonOption json;
    @Option(names = "--procedure", required = true, paramLabel = "CODE", description = "Mã thủ tục, ví dụ 1.001193.")
    String procedureCode;
    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Họ và tên người nộp (hoặc tên tổ chức).")
    String name;
    @Option(names = "--id", required = true, paramLabel = "NUMBER", description = "Số định danh, số hộ chiếu hoặc mã số thuế.")
    String id;
    @Option(names = "--kind", defaultValue = "cccd", paramLabel = "cccd|passport|mst",
            description = "Loại giấy tờ định danh (mặc định: cccd).")
    String kind;
    @Option(names = "--country", paramLabel = "XXX", description = "Nước cấp hộ chiếu.")
    String country;
    @Option(names = "--representative", paramLabel = "NAME", description = "Người đại diện nộp hồ sơ của tổ chức.")
    String representative;
    @Option(names = "--birth-date", paramLabel = "YYYY-MM-DD", description = "Ngày sinh (hoặc dd/MM/yyyy).")
    String birthDate;
    @Option(names = "--sex", paramLabel = "nam|nu", description = "Giới tính.", converter = IdCommand.SexConverter.class)
    Sex sex;
    @Option(names = "--address", paramLabel = "TEXT", description = "Địa chỉ.")
    String address;
    @Option(names = "--phone", paramLabel = "TEXT", description = "Số điện thoại.")
    String phone;
    @Option(names = "--email", paramLabel = "TEXT", description = "Email.")
    String email;
    @Option(names = "--override", paramLabel = "REASON",
            description = "Lý do vẫn tiếp nhận khi số định danh không khớp ngày sinh hoặc giới tính.")
    String override;
    @Option(names = "--working-days", paramLabel = "N",
            description = "Thời hạn giải quyết (ngày làm việc) khi danh mục chưa có.")
    Integer workingDays;
    @Option(names = "--page", required = true, paramLabel = "COMPONENT_NO=FILE",
            description = "Tệp ảnh hoặc PDF cho thành phần số COMPONENT_NO (1, 2, …); lặp lại cho nhiều trang.")
    List<String> pages = new ArrayList<>();

    /** What a script reads back: the dossier's code, its appointment, and its receipt (form 01) in the store. */
    public record Result(String code, LocalDateTime receivedAt, LocalDateTime appointmentAt, String receiptContentId,
                         int pages) {
    }

    @Override
    public Integer call() {
        Messages messages = Cli.messages(spec);
        PrintWriter out = spec.commandLine().getOut();
        ApplicantForm form = new ApplicantForm(idKind(), name, id, country, representative, birthDate, sex, address,
                phone, email, override, LocalDate.now(LunarCalendar.VIETNAM_ZONE));
        List<ApplicantForm.Problem> problems = form.check();
        if (!problems.isEmpty()) {
            problems.forEach(p -> spec.commandLine().getErr().println(messages.text(p.messageKey(),
                    p.arguments().toArray())));
            spec.commandLine().getErr().flush();
            return 1;
        }
        if (workingDays != null && workingDays < 0) { // refused in the clerk's words, before anything opens
            spec.commandLine().getErr().println(Cli.messages(spec).text("calendar.bad_days", workingDays));
            spec.commandLine().getErr().flush();
            return 2;
        }
        try (CounterServices counter = Cli.open(spec)) {
            Procedure procedure = counter.catalogue().procedure(procedureCode)
                    .orElseThrow(() -> new CounterException("reception.unknown_procedure", procedureCode));
            ProcessingTime limit = workingDays != null ? ProcessingTime.ofWorkingDays(workingDays)
                    : procedure.processingTime();
            if (limit == null) {
                throw new CounterException("dossier.missing.processingDays");
            }
            List<Document> documents = documents(counter, procedure);
            Receipt receipt = counter.reception().receive(new ReceptionRequest(form.applicant(), procedure, limit,
                    documents, List.of(), form.overrideToRecord()), counter.profile());
            var dossier = receipt.dossier();
            json.print(out, new Result(dossier.code().value(), dossier.receivedAt(), dossier.appointmentAt(),
                    receipt.pdfContentId(), dossier.pageCount()), () -> out.println(messages.text("cli.received",
                    dossier.code().value(), dossier.appointmentAt().format(java.time.format.DateTimeFormatter
                            .ofPattern("HH:mm dd/MM/uuuu")), dossier.pageCount())));
            return 0;
        } catch (CounterException e) {
            spec.commandLine().getErr().println(messages.describe(e));
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    /** Every component of the procedure, with the pages of the files given for it (stored as they are read). */
    private List<Document> documents(CounterServices counter, Procedure procedure) {
        List<ComponentRequirement> components = new ArrayList<>(procedure.components());
        Map<Integer, List<Page>> byComponent = new LinkedHashMap<>();
        for (String page : pages) {
            int eq = page.indexOf('=');
            int number;
            try {
                number = Integer.parseInt(page.substring(0, Math.max(eq, 0)).strip());
            } catch (NumberFormatException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--page phải có dạng COMPONENT_NO=FILE: " + page);
            }
            if (number < 1 || number > components.size()) {
                throw new CounterException("reception.unknown_component", number, procedure.code(),
                        components.size());
            }
            byComponent.computeIfAbsent(number, n -> new ArrayList<>())
                    .addAll(counter.reception().importPages(Path.of(page.substring(eq + 1).strip())));
        }
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            documents.add(new Document(components.get(i), byComponent.getOrDefault(i + 1, List.of())));
        }
        return documents;
    }

    private IdKind idKind() {
        return switch (kind.strip().toLowerCase(Locale.ROOT)) {
            case "cccd" -> IdKind.PERSONAL_ID;
            case "passport" -> IdKind.PASSPORT;
            case "mst" -> IdKind.TAX_CODE;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--kind phải là cccd, passport hoặc mst: " + kind);
        };
    }
}
