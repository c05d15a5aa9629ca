package vn.motcua.counter.application.port;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import vn.motcua.counter.application.CounterProfile;
import vn.motcua.counter.domain.Dossier;
import vn.motcua.counter.domain.lifecycle.FormKind;
import vn.motcua.counter.domain.lifecycle.SupplementItem;

/** Renders forms 02–07 as PDFs. {@code form} carries the number, time and signer; its content id is not used. */
public interface FormRenderer {

    /** Form 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
    byte[] supplementRequest(Dossier dossier, IssuedForm form, List<SupplementItem> items, String reason,
                             CounterProfile counter);

    /**
     * Forms 03 (refusal), 04 (apology; {@code newAppointment} is the new date) and 05 (stop notice): letters that
     * name the dossier and give the reason.
     */
    byte[] notice(FormKind kind, Dossier dossier, IssuedForm form, String reason, LocalDateTime newAppointment,
                  CounterProfile counter);

    /** Form 06, Phiếu kiểm soát quá trình giải quyết hồ sơ. */
    byte[] controlSlip(Dossier dossier, DossierProgress progress, IssuedForm form, CounterProfile counter);

    /** Form 07, Sổ theo dõi hồ sơ, for the dossiers received from {@code from} to {@code to} (inclusive). */
    byte[] trackingBook(LocalDate from, LocalDate to, List<TrackingBookEntry> entries, IssuedForm form,
                        CounterProfile counter);
}
