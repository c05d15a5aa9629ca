package vn.motcua.counter.application.port;

import java.time.LocalDateTime;
import vn.motcua.counter.domain.lifecycle.FormKind;

/**
 * A form the counter produced, kept as a PDF in the content store.
 *
 * @param number the counter's number (e.g. {@code 3/HDHS}), or null where the agency's register numbers it
 */
public record IssuedForm(FormKind kind, String number, LocalDateTime issuedAt, String issuedBy, String contentId) {
}
