package vn.motcua.counter.adapters.pdf;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import vn.motcua.counter.application.CounterProfile;
import vn.motcua.counter.application.port.DossierProgress;
import vn.motcua.counter.application.port.FormRenderer;
import vn.motcua.counter.application.port.IssuedForm;
import vn.motcua.counter.application.port.TrackingBookEntry;
import vn.motcua.counter.domain.Dossier;
import vn.motcua.counter.domain.lifecycle.FormKind;
import vn.motcua.counter.domain.lifecycle.SupplementItem;

/** Forms 02–07 with PDFBox, in the receipt's typeface and heading. */
public final class FormPdfRenderer implements FormRenderer {

    @Override
    public byte[] supplementRequest(Dossier dossier, IssuedForm form, List<SupplementItem> items, String reason,
                                    CounterProfile counter) {
        return LetterForms.supplementRequest(dossier, form, items, reason, counter);
    }

    @Override
    public byte[] notice(FormKind kind, Dossier dossier, IssuedForm form, String reason, LocalDateTime newAppointment,
                         CounterProfile counter) {
        return LetterForms.notice(kind, dossier, form, reason, newAppointment, counter);
    }

    @Override
    public byte[] controlSlip(Dossier dossier, DossierProgress progress, IssuedForm form, CounterProfile counter) {
        return RecordForms.controlSlip(dossier, progress, form, counter);
    }

    @Override
    public byte[] trackingBook(LocalDate from, LocalDate to, List<TrackingBookEntry> entries, IssuedForm form,
                               CounterProfile counter) {
        return RecordForms.trackingBook(from, to, entries, form, counter);
    }
}
