package vn.motcua.counter.ui.reception;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.CardReader;
import vn.motcua.counter.application.ApplicantForm;
import vn.motcua.counter.application.CounterProfile;
import vn.motcua.counter.application.Receipt;
import vn.motcua.counter.application.ReceptionRequest;
import vn.motcua.counter.application.ReceptionService;
import vn.motcua.counter.application.ReusedPages;
import vn.motcua.counter.application.ScanService;
import vn.motcua.counter.domain.Applicant;
import vn.motcua.counter.domain.ComponentRequirement;
import vn.motcua.counter.domain.DiacriticFolding;
import vn.motcua.counter.domain.ProcessingTime;
import vn.motcua.counter.domain.Procedure;
import vn.motcua.counter.domain.TextMatch;
import vn.motcua.counter.domain.identity.ApplicantId;
import vn.motcua.counter.domain.identity.CardQrCode;
import vn.motcua.counter.domain.identity.IdCardMrz;
import vn.motcua.counter.domain.identity.IdKind;
import vn.motcua.counter.domain.identity.IdentityProblem;
import vn.motcua.counter.domain.identity.ParseResult;
import vn.motcua.counter.domain.identity.PassportNumber;
import vn.motcua.counter.domain.identity.PersonalIdNumber;
import vn.motcua.counter.domain.identity.Sex;
import vn.motcua.counter.domain.identity.TaxCode;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.UiExecutors;
import vn.motcua.counter.application.FailureLog;

/**
 * The new-dossier form: applicant, procedure, the component checklist with pages, and reception. Everything typed
 * stays in these properties until reception succeeds, so a failed save loses nothing.
 */
public final class NewDossierViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(NewDossierViewModel.class);
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final DateTimeFormatter APPOINTMENT = DateTimeFormatter.ofPattern("HH:mm dd/MM/uuuu");
    /** Kept with a component the clerk added, so the dossier shows it was not in the catalogue. */
    static final String OTHER_COMPONENT_NOTE = "Thêm tại quầy, ngoài danh mục";
    /** "2/4/1990" is the shortest complete birth date. */
    private static final int BIRTH_DATE_LENGTH = 8;

    private final ReceptionService reception;
    private final CardReader cardReader;
    private final CounterProfile counter;
    private final Messages messages;
    private final UiExecutors executors;

    private final StringProperty fullName = new SimpleStringProperty("");
    private final ObjectProperty<IdKind> idKind = new SimpleObjectProperty<>(IdKind.PERSONAL_ID);
    private final StringProperty idNumber = new SimpleStringProperty("");
    /** A passport's issuing country (ISO alpha-3, e.g. KOR); read for passports only. */
    private final StringProperty idCountry = new SimpleStringProperty("");
    /** Who brings an organisation's dossier to the counter; read for organisations only. */
    private final StringProperty representative = new SimpleStringProperty("");
    private final StringProperty birthDate = new SimpleStringProperty("");
    private final ObjectProperty<Sex> sex = new SimpleObjectProperty<>();
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper idMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper birthDateMessage = new ReadOnlyStringWrapper("");
    /** True when the number disagrees with the stated birth year or sex: reception then needs a reason. */
    private final javafx.beans.property.ReadOnlyBooleanWrapper idMismatch = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final StringProperty identityOverride = new SimpleStringProperty("");

    private final StringProperty procedureFilter = new SimpleStringProperty("");
    private final FilteredList<Procedure> matching;
    /** The procedures matching the filter, best match first (the catalogue's order among equals). */
    private final SortedList<Procedure> procedures;
    private final ObjectProperty<Procedure> procedure = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> processingDays = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper appointment = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper currentComponent = new ReadOnlyIntegerWrapper(0);

    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Receipt> receipt = new ReadOnlyObjectWrapper<>();
    private final ChecklistModel checklist;
    private final ObservableList<ComponentItem> components;
    private final List<ReusedPages> reused = new java.util.ArrayList<>();

    public NewDossierViewModel(ReceptionService reception, ScanService scanning, CardReader cardReader,
                               List<Procedure> catalogue, CounterProfile counter, Messages messages,
                               UiExecutors executors) {
        this.reception = reception;
        this.cardReader = cardReader;
        this.counter = counter;
        this.messages = messages;
        this.executors = executors;
        this.checklist = new ChecklistModel(reception, scanning, messages, executors, busy, message);
        this.components = checklist.components();
        this.matching = new FilteredList<>(FXCollections.observableArrayList(catalogue));
        this.procedures = new SortedList<>(matching);
        procedureFilter.addListener((obs, old, query) -> {
            java.util.Map<Procedure, Integer> scores = new java.util.HashMap<>();
            catalogue.forEach(p -> scores.put(p, TextMatch.score(p.code() + " " + p.name(), query)));
            matching.setPredicate(p -> scores.get(p) > 0);
            procedures.setComparator(java.util.Comparator.comparing(scores::get, java.util.Comparator.reverseOrder()));
        });
        procedure.addListener((obs, old, chosen) -> choose(chosen));
        processingDays.addListener((obs, old, days) -> updateAppointment());
        idKind.addListener((obs, old, now) -> {
            checkBirthDate();
            checkIdNumber();
        });
        idNumber.addListener((obs, old, now) -> checkIdNumber());
        idCountry.addListener((obs, old, now) -> checkIdNumber());
        birthDate.addListener((obs, old, now) -> {
            checkBirthDate();
            checkIdNumber();
        });
        sex.addListener((obs, old, now) -> checkIdNumber());
    }

    private void choose(Procedure chosen) {
        currentComponent.set(0);
        components.setAll(chosen == null ? List.of()
                : chosen.components().stream().map(ComponentItem::new).toList());
        processingDays.set(chosen == null || chosen.processingTime() == null ? null
                : chosen.processingTime().workingDays());
        updateAppointment();
    }

    private void updateAppointment() {
        Integer days = processingDays.get();
        appointment.set(days == null ? "" : messages.text("dossier.appointment",
                reception.appointmentIfReceivedNow(ProcessingTime.ofWorkingDays(days)).format(APPOINTMENT)));
    }

    /**
     * Live check while typing, by the chosen kind: silent while the number is still too short to judge, then its
     * structure and, for a personal ID number, its consistency with the stated birth date and sex.
     */
    private void checkIdNumber() {
        String typed = idNumber.get().strip();
        idMismatch.set(false);
        if (stillTyping(idKind.get(), typed)) {
            idMessage.set("");
            return;
        }
        ParseResult<? extends ApplicantId> parsed = ApplicantId.parse(idKind.get(), typed, idCountry.get(),
                reception.today());
        if (parsed.result().isEmpty()) {
            idMessage.set(describe(parsed.problems()));
            return;
        }
        List<? extends IdentityProblem> problems = parsed.result().get() instanceof PersonalIdNumber number
                ? number.inconsistencies(parsedBirthDate().orElse(null), sex.get()) : List.of();
        idMismatch.set(!problems.isEmpty());
        idMessage.set(problems.isEmpty() ? "" : messages.text("dossier.idWarning", describe(problems)));
    }

    /** Fewer characters than the kind's shortest number, and none that could never belong to it. */
    private static boolean stillTyping(IdKind kind, String typed) {
        String compact = typed.replaceAll("[\\s.\\-]", "");
        return switch (kind) {
            case PERSONAL_ID -> compact.length() < PersonalIdNumber.LENGTH && compact.matches("\\d*");
            case TAX_CODE -> compact.length() < TaxCode.BASE_LENGTH && compact.matches("\\d*");
            case PASSPORT -> compact.length() < PassportNumber.MIN_LENGTH && compact.matches("[A-Za-z0-9]*");
        };
    }

    /** The applicant's number as typed for the chosen kind, when it is a valid one. */
    Optional<ApplicantId> applicantId() {
        return ApplicantId.parse(idKind.get(), idNumber.get(), idCountry.get(), reception.today()).result()
                .map(ApplicantId.class::cast);
    }

    /** The birth date typed, when it is one; blank or impossible dates give none (see {@link #birthDateProblem}). */
    private Optional<LocalDate> parsedBirthDate() {
        return form().parsedBirthDate();
    }

    /** Live, once the date looks complete: a half-typed "02/04/19" is not yet called wrong. */
    private void checkBirthDate() {
        boolean complete = birthDate.get().strip().length() >= BIRTH_DATE_LENGTH;
        birthDateMessage.set(complete ? form().birthDateProblem().map(this::text).orElse("") : "");
    }

    /**
     * Fills the applicant from a chip ID card's QR code (typed by a 2D reader or decoded from an image), so nobody
     * retypes what the card already holds. Fields the code lacks are left as they are.
     */
    public void readCardQr(String scanned) {
        ParseResult<CardQrCode> parsed = CardQrCode.parse(scanned);
        if (!(parsed instanceof ParseResult.Ok<CardQrCode> ok)) {
            message.set(messages.text("dossier.cardUnreadable", describe(parsed.problems())));
            return;
        }
        CardQrCode card = ok.value();
        idKind.set(IdKind.PERSONAL_ID);
        idNumber.set(card.idNumber().value());
        setIfPresent(fullName, card.fullName());
        setIfPresent(birthDate, card.birthDate() == null ? null : card.birthDate().format(BIRTH_DATE));
        if (card.sex() != null) {
            sex.set(card.sex());
        }
        setIfPresent(address, card.address());
        message.set(messages.text("dossier.cardRead")
                + (ok.problems().isEmpty() ? "" : " " + describe(ok.problems())));
    }

    /** Reads the applicant from a picture of the card's QR side. */
    public void readCardPicture(Path picture) {
        readCard(() -> cardReader.qrText(picture), this::readCardQr);
    }

    private void readCard(java.util.function.Supplier<String> read, java.util.function.Consumer<String> fill) {
        executors.run(read, fill, failure -> {
            LOG.warn("card picture unreadable: {}", failure.toString());
            message.set(messages.describe(failure));
        });
    }

    /**
     * Fills the applicant from the MRZ on the card's back once every check digit holds. The MRZ spells the name
     * without diacritics, so it only fills an empty name field.
     */
    public void readCardMrz(String lines) {
        ParseResult<IdCardMrz> parsed = IdCardMrz.parse(lines, reception.today());
        if (!(parsed instanceof ParseResult.Ok<IdCardMrz> ok) || ok.value().personalIdNumber() == null) {
            message.set(messages.text("dossier.mrzUnreadable", parsed.problems().isEmpty()
                    ? messages.text("mrz.problem.id_number_mismatch") : describe(parsed.problems())));
            return;
        }
        IdCardMrz card = ok.value();
        idKind.set(IdKind.PERSONAL_ID);
        idNumber.set(card.personalIdNumber().value());
        if (fullName.get().isBlank()) {
            fullName.set((card.surname() + " " + card.givenNames()).strip());
        }
        birthDate.set(card.birthDate().format(BIRTH_DATE));
        if (card.sex() != null) {
            sex.set(card.sex());
        }
        message.set(messages.text("dossier.mrzRead")
                + (ok.problems().isEmpty() ? "" : " " + describe(ok.problems())));
    }

    /** Reads the applicant from a picture of the card's back (MRZ OCR in the background). */
    public void readCardMrzPicture(Path picture) {
        readCard(() -> cardReader.mrzText(picture), this::readCardMrz);
    }

    private String describe(List<? extends IdentityProblem> problems) {
        return problems.stream().map(p -> messages.text(p.messageKey())).collect(Collectors.joining(" "));
    }

    private static void setIfPresent(StringProperty property, String value) {
        if (value != null && !value.isBlank()) {
            property.set(value);
        }
    }

    /** Stores the chosen image files as pages of {@code item}; a bad file is reported and the others still go in. */
    public void addImages(ComponentItem item, List<Path> files) {
        for (Path file : files) {
            executors.run(() -> reception.importPages(file), pages -> item.pages().addAll(pages), failure -> {
                LOG.warn("page import refused: {}", failure.toString());
                message.set(file.getFileName() + ": " + messages.describe(failure));
            });
        }
    }

    /**
     * A paper the catalogue does not list for the chosen procedure (some list none at all, e.g. 2.001019 Chứng thực
     * di chúc): the clerk names it, and it becomes a component of this dossier and the one F8 scans into.
     */
    public void addOtherComponent(String name) {
        if (procedure.get() == null) {
            message.set(messages.text("dossier.missing.procedure"));
            return;
        }
        String named = name == null ? "" : name.strip();
        if (named.isEmpty()) {
            message.set(messages.text("dossier.other.missingName"));
            return;
        }
        String folded = DiacriticFolding.fold(named).toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < components.size(); i++) {
            if (DiacriticFolding.fold(components.get(i).requirement().name()).toLowerCase(java.util.Locale.ROOT)
                    .equals(folded)) {
                currentComponent.set(i);
                message.set(messages.text("dossier.other.exists", i + 1));
                return;
            }
        }
        components.add(new ComponentItem(new ComponentRequirement(named, null, null, OTHER_COMPONENT_NOTE)));
        currentComponent.set(components.size() - 1);
        message.set(messages.text("dossier.other.added", components.size(), named));
    }

    /** Ctrl+Down: the next component becomes the one F8 scans (wrapping to the first). */
    public void nextComponent() {
        if (!components.isEmpty()) {
            currentComponent.set((currentComponent.get() + 1) % components.size());
        }
    }

    /** F8: scans into the current component. */
    public void scanCurrent() {
        if (!components.isEmpty()) {
            scan(components.get(currentComponent.get()));
        }
    }

    /** True when closing the form would lose something: a field typed, a procedure chosen or a page captured. */
    public boolean hasInput() {
        return java.util.stream.Stream.of(fullName, idNumber, idCountry, representative, birthDate, address, phone,
                        email).anyMatch(field -> !field.get().isBlank())
                || procedure.get() != null || components.stream().anyMatch(c -> !c.pages().isEmpty());
    }

    public ReadOnlyIntegerProperty currentComponentProperty() {
        return currentComponent.getReadOnlyProperty();
    }

    public void scan(ComponentItem item) {
        checklist.scan(item);
    }

    /** Validates and receives the dossier; {@code onReceived} runs on the UI side with the receipt. */
    public void receive(java.util.function.Consumer<Receipt> onReceived) {
        Optional<String> problem = validate();
        if (problem.isPresent()) {
            message.set(problem.get());
            return;
        }
        ApplicantForm form = form();
        ReceptionRequest request = new ReceptionRequest(form.applicant(), procedure.get(),
                ProcessingTime.ofWorkingDays(processingDays.get()),
                components.stream().map(ComponentItem::toDocument).toList(), reused, form.overrideToRecord());
        busy.set(true);
        message.set(messages.text("dossier.saving"));
        executors.run(() -> reception.receive(request, counter), done -> {
            busy.set(false);
            receipt.set(done);
            message.set(messages.text("dossier.received", done.dossier().code().value()));
            onReceived.accept(done);
        }, failure -> {
            busy.set(false);
            FailureLog.log(LOG, "reception failed", failure);
            message.set(messages.describe(failure));
        });
    }

    /** Pages of an earlier dossier added to {@code item} without a scan; the reception records where they came from. */
    void reuse(ReusedPages pages, ComponentItem item) {
        item.pages().addAll(pages.pages());
        reused.add(pages);
    }

    /** What is typed, as the checks shared with {@code motcua receive} take it. */
    private ApplicantForm form() {
        return new ApplicantForm(idKind.get(), fullName.get(), idNumber.get(), idCountry.get(), representative.get(),
                birthDate.get(), sex.get(), address.get(), phone.get(), email.get(), identityOverride.get(),
                reception.today());
    }

    private String text(ApplicantForm.Problem problem) {
        return messages.text(problem.messageKey(), problem.arguments().toArray());
    }

    private Optional<String> validate() {
        Optional<ApplicantForm.Problem> applicant = form().check().stream().findFirst();
        if (applicant.isPresent()) {
            return Optional.of(text(applicant.get()));
        }
        if (procedure.get() == null) {
            return Optional.of(messages.text("dossier.missing.procedure"));
        }
        if (processingDays.get() == null) {
            return Optional.of(messages.text("dossier.missing.processingDays"));
        }
        return Optional.empty();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty idMismatchProperty() { return idMismatch.getReadOnlyProperty(); }
    public StringProperty identityOverrideProperty() { return identityOverride; }
    public StringProperty fullNameProperty() { return fullName; }
    public ObjectProperty<IdKind> idKindProperty() { return idKind; }
    public StringProperty idNumberProperty() { return idNumber; }
    public StringProperty idCountryProperty() { return idCountry; }
    public StringProperty representativeProperty() { return representative; }
    public StringProperty birthDateProperty() { return birthDate; }
    public ObjectProperty<Sex> sexProperty() { return sex; }
    public StringProperty addressProperty() { return address; }
    public StringProperty phoneProperty() { return phone; }
    public StringProperty emailProperty() { return email; }
    public ReadOnlyStringProperty idMessageProperty() { return idMessage.getReadOnlyProperty(); }
    public ReadOnlyStringProperty birthDateMessageProperty() { return birthDateMessage.getReadOnlyProperty(); }
    public StringProperty procedureFilterProperty() { return procedureFilter; }
    public ObservableList<Procedure> procedures() { return procedures; }
    public ObjectProperty<Procedure> procedureProperty() { return procedure; }
    public ObjectProperty<Integer> processingDaysProperty() { return processingDays; }
    public ReadOnlyStringProperty appointmentProperty() { return appointment.getReadOnlyProperty(); }
    public ObservableList<ComponentItem> components() { return components; }
    public ChecklistModel checklist() { return checklist; }
    public BooleanProperty busyProperty() { return busy; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Receipt> receiptProperty() { return receipt.getReadOnlyProperty(); }
}
