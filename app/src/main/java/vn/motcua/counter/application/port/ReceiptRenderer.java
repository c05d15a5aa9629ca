package vn.motcua.counter.application.port;

import vn.motcua.counter.application.CounterProfile;
import vn.motcua.counter.domain.Dossier;

/** Renders the receipt and appointment slip (form 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả) as a PDF. */
public interface ReceiptRenderer {

    byte[] render(Dossier dossier, CounterProfile counter);
}
