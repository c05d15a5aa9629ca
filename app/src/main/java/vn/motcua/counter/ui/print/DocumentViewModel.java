package vn.motcua.counter.ui.print;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import vn.motcua.counter.application.signing.CopyDocuments.CopyDocument;
import vn.motcua.counter.application.signing.Verdict;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.i18n.VerdictWords;

/**
 * A signed document in the viewer: its pages and, above them, one sentence a clerk can act on ("Chữ ký số hợp lệ:
 * … ký lúc …" or why it cannot be relied on), marked trusted or not for the view's colour.
 */
public final class DocumentViewModel {

    private final String title;
    private final byte[] pdf;
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper trusted = new ReadOnlyBooleanWrapper(false);

    public DocumentViewModel(CopyDocument document, Messages messages) {
        this.title = document.result() ? messages.text("detail.result.title", document.componentName())
                : messages.text("detail.copy.title", document.componentPosition(), document.componentName());
        this.pdf = document.pdf();
        Verdict v = document.verdict();
        verdict.set(new VerdictWords(messages).sentence(v));
        trusted.set(v.valid());
    }

    public String title() {
        return title;
    }

    public byte[] pdf() {
        return pdf;
    }

    /** The title, as the chooser lists the copies. */
    @Override
    public String toString() {
        return title;
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty trustedProperty() {
        return trusted.getReadOnlyProperty();
    }
}
