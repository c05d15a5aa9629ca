package vn.motcua.counter.ui.reception;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.EarlierDossier;
import vn.motcua.counter.application.ReturningApplicants;
import vn.motcua.counter.application.ReusedPages;
import vn.motcua.counter.domain.DiacriticFolding;
import vn.motcua.counter.domain.identity.ApplicantId;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.UiExecutors;

/**
 * The returning-applicant part of the new-dossier form: once a valid number is there (an ID number typed or read
 * from the card, a passport with its country, an organisation's tax code), the
 * applicant's earlier dossiers are looked up in the background and their papers and results offered for reuse.
 * Applicant fields left empty are filled from the latest of them, but only when the name typed is the one those
 * dossiers carry (or none is typed yet): a different name is pointed out, and nothing is filled in for it.
 */
public final class ReturningApplicantViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ReturningApplicantViewModel.class);
    private static final java.time.format.DateTimeFormatter BIRTH_DATE =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private final ReturningApplicants returning;
    private final NewDossierViewModel form;
    private final Messages messages;
    private final UiExecutors executors;
    private final ObservableList<EarlierDossier> earlier = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nameWarning = new ReadOnlyStringWrapper("");

    public ReturningApplicantViewModel(ReturningApplicants returning, NewDossierViewModel form, Messages messages,
                                       UiExecutors executors) {
        this.returning = returning;
        this.form = form;
        this.messages = messages;
        this.executors = executors;
        // the number, its kind and a passport's country together name the applicant
        List.<javafx.beans.Observable>of(form.idKindProperty(), form.idNumberProperty(), form.idCountryProperty())
                .forEach(identity -> identity.addListener(changed -> lookUp()));
        form.fullNameProperty().addListener(changed -> checkName());
    }

    private void lookUp() {
        Optional<ApplicantId> id = form.applicantId();
        earlier.clear();
        message.set("");
        nameWarning.set("");
        id.ifPresent(number -> executors.run(() -> returning.earlierDossiers(number), found -> {
            // the clerk may have typed another number while this one was looked up
            if (form.applicantId().equals(id)) {
                show(found);
            }
        }, failure -> {
            LOG.warn("earlier dossiers not found: {}", failure.toString());
            message.set(messages.describe(failure));
        }));
    }

    private void show(List<EarlierDossier> found) {
        earlier.setAll(found);
        message.set(found.isEmpty() ? "" : messages.text("returning.found", found.size()));
        if (!found.isEmpty() && (form.fullNameProperty().get().isBlank() || knownName(form.fullNameProperty().get()))) {
            var latest = found.getFirst().applicant(); // newest first
            fillIfBlank(form.fullNameProperty(), latest.fullName());
            fillIfBlank(form.addressProperty(), latest.address());
            fillIfBlank(form.representativeProperty(), latest.representative());
            if (latest.birthDate() != null) {
                fillIfBlank(form.birthDateProperty(), latest.birthDate().format(BIRTH_DATE));
            }
            if (form.sexProperty().get() == null) {
                form.sexProperty().set(latest.sex());
            }
        }
        checkName();
    }

    /** Points out a typed name that none of the number's earlier dossiers carries (diacritics and case aside). */
    private void checkName() {
        String typed = form.fullNameProperty().get();
        boolean differs = !earlier.isEmpty() && !typed.isBlank() && !knownName(typed);
        nameWarning.set(differs ? messages.text("returning.nameDiffers", String.join(", ",
                earlier.stream().map(d -> d.applicant().fullName()).distinct().toList())) : "");
    }

    private boolean knownName(String typed) {
        String name = fold(typed);
        return earlier.stream().anyMatch(d -> fold(d.applicant().fullName()).equals(name));
    }

    private static void fillIfBlank(javafx.beans.property.StringProperty field, String value) {
        if (field.get() == null || field.get().isBlank()) {
            field.set(value == null ? "" : value);
        }
    }

    /** The new dossier's component of the same name (diacritics and case ignored), if the procedure has one. */
    public Optional<ComponentItem> matchingComponent(EarlierDossier.Reusable document) {
        String name = fold(document.name());
        return form.components().stream().filter(c -> fold(c.requirement().name()).equals(name)).findFirst();
    }

    private static String fold(String s) {
        return DiacriticFolding.fold(s).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** "Dùng lại": the document's stored pages go into {@code into} as they are, without a new scan. */
    public void reuse(EarlierDossier from, EarlierDossier.Reusable document, ComponentItem into) {
        if (into == null) {
            message.set(messages.text("returning.chooseComponent"));
            return;
        }
        if (into.pages().containsAll(document.pages())) {
            message.set(messages.text("returning.already", into.requirement().name()));
            return;
        }
        form.reuse(new ReusedPages(from.code().value(), document.name(), into.requirement().name(),
                document.pages()), into);
        message.set(messages.text("returning.reused", document.pages().size(), into.requirement().name()));
    }

    public ObservableList<EarlierDossier> earlierDossiers() { return earlier; }
    public ObservableList<ComponentItem> components() { return form.components(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** Set while the typed name differs from the earlier dossiers' names, naming those. */
    public ReadOnlyStringProperty nameWarningProperty() { return nameWarning.getReadOnlyProperty(); }
}
