package vn.motcua.counter.i18n;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.counter.application.port.SignatureVerifier.LaterRevision;
import vn.motcua.counter.application.port.SignatureVerifier.Signature;
import vn.motcua.counter.application.signing.Verdict;
import vn.motcua.counter.domain.signing.SignatureStamp;

/**
 * A verification verdict in the clerk's language: one sentence for the window, and the full account (each
 * signature, its signer, times, level, chain, revocation, what later revisions changed) for {@code motcua verify}.
 */
public final class VerdictWords {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter CLERK = DateTimeFormatter.ofPattern("HH:mm dd/MM/uuuu");

    private final Messages messages;

    public VerdictWords(Messages messages) {
        this.messages = messages;
    }

    /** What the window says, e.g. "Chữ ký số hợp lệ: UBND phường … ký lúc 09:15 04/12/2026 (PAdES-B-LT)." */
    public String sentence(Verdict verdict) {
        String outcome = messages.text("verify.outcome." + verdict.outcome().name());
        if (!verdict.valid()) {
            return verdict.outcome() == Verdict.Outcome.NOT_SIGNED ? outcome : messages.text("verify.clerk.invalid", outcome);
        }
        Signature last = verdict.signatures().stream().filter(s -> !s.documentTimestamp()).reduce((a, b) -> b)
                .orElseThrow();
        Instant at = last.trustedTime() != null ? last.trustedTime() : last.claimedTime();
        return messages.text("verify.clerk.VALID", last.signer(),
                at == null ? "?" : CLERK.format(at.atOffset(SignatureStamp.VIETNAM)), last.level().label());
    }

    /** Every line {@code motcua verify} prints, the outcome first. */
    public List<String> account(Verdict verdict) {
        List<String> lines = new ArrayList<>();
        lines.add(messages.text("verify.outcome." + verdict.outcome().name()));
        int number = 0;
        for (Signature s : verdict.signatures()) {
            number++;
            String state = s.intact() ? messages.text("verify.intact") : messages.text("verify.broken", s.problem());
            if (s.documentTimestamp()) {
                lines.add(messages.text("verify.document_timestamp", number, s.revision(), state, iso(s.claimedTime())));
                continue;
            }
            lines.add(messages.text("verify.signature", number, s.revision(), state));
            lines.add(messages.text("verify.signer", s.signer(), s.issuer()));
            lines.add(messages.text("verify.time.claimed", iso(s.claimedTime())));
            if (s.trustedTime() != null) {
                lines.add(messages.text("verify.time.trusted", iso(s.trustedTime())));
            }
            if (s.level() != null) {
                lines.add(messages.text("verify.level", s.level().label()));
            }
            lines.add(messages.text("verify.chain." + s.chain().name(), s.anchor()));
            lines.add(messages.text("verify.revocation." + s.revocation().name(),
                    s.revocationSource() == null ? "-" : messages.text("verify.source." + s.revocationSource())));
            for (LaterRevision later : s.later()) {
                lines.add(messages.text("verify.change." + later.change().name(), later.revision(),
                        String.join(", ", later.details())));
            }
        }
        return lines;
    }

    private static String iso(Instant instant) {
        return instant == null ? "?" : ISO.format(instant.atOffset(SignatureStamp.VIETNAM));
    }
}
