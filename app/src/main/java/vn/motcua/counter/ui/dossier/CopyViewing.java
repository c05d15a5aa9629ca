package vn.motcua.counter.ui.dossier;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.signing.CopyDocuments;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.UiExecutors;
import vn.motcua.counter.ui.print.DocumentViewModel;

/** Opens a dossier's electronic copies in the viewer with the verdict on their signatures (read in the background). */
public final class CopyViewing {

    private static final Logger LOG = LoggerFactory.getLogger(CopyViewing.class);

    private final CopyDocuments documents;
    private final Messages messages;
    private final UiExecutors executors;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public CopyViewing(CopyDocuments documents, Messages messages, UiExecutors executors) {
        this.documents = documents;
        this.messages = messages;
        this.executors = executors;
    }

    /** Hands the copies, each with its verdict, to {@code show}; says so when the dossier has none yet. */
    public void load(DossierCode code, Consumer<List<DocumentViewModel>> show) {
        executors.run(() -> documents.of(code).stream().map(d -> new DocumentViewModel(d, messages)).toList(),
                copies -> {
                    message.set(copies.isEmpty() ? messages.text("detail.copy.none") : "");
                    if (!copies.isEmpty()) {
                        show.accept(copies);
                    }
                }, failure -> {
                    LOG.warn("electronic copies of {} not shown: {}", code.value(), failure.toString());
                    message.set(messages.describe(failure));
                });
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
