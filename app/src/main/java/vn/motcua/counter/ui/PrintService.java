package vn.motcua.counter.ui;

import javafx.stage.Window;

/**
 * Shows a produced form before it goes to the printer. Injected like {@link DialogService}, so a test or a counter
 * without a printer still gets everything up to the print job.
 */
public interface PrintService {

    /** Opens a preview of {@code pdf}'s pages with a print button. */
    void preview(Window owner, String title, byte[] pdf);

    /** Opens a signed document's pages under the verdict on its signatures. */
    void show(Window owner, vn.motcua.counter.ui.print.DocumentViewModel document);
}
