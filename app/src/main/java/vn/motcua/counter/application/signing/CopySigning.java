package vn.motcua.counter.application.signing;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.CopySigner;
import vn.motcua.counter.application.port.CopySigner.ValidationDataUnavailableException;
import vn.motcua.counter.application.port.SigningKey;
import vn.motcua.counter.application.port.SigningKeys;
import vn.motcua.counter.domain.signing.CopyKind;
import vn.motcua.counter.domain.signing.SignatureLevel;
import vn.motcua.counter.domain.signing.SignatureStamp;

/**
 * Signs a batch of electronic copies with one PIN: the key is unlocked once, each copy is signed at the level the
 * counter aims for (B-B when offline, to be extended later), and the batch stops cleanly when the token is pulled
 * out or asks for what it cannot get: the copies not reached keep waiting, none is half-signed, because a signed
 * copy is handed to its item only once it is complete.
 */
public final class CopySigning {

    private static final Logger LOG = LoggerFactory.getLogger(CopySigning.class);

    /** What the counter signs with and aims for. Images are for results only (both or none). */
    public record Policy(String agency, SignatureLevel target, byte[] signerImage, byte[] sealImage) {
    }

    /** One document of a batch: its bytes, and where its signed bytes go. */
    public record Item(String name, CopyKind kind, Supplier<byte[]> content, Consumer<byte[]> signed) {
    }

    /**
     * How one document came out: signed at {@code level} ({@code toExtend} when the network was missing for the
     * target level), or not signed with {@code failure}.
     */
    public record Outcome(String name, SignatureLevel level, boolean toExtend, CounterException failure) {
        public boolean signed() {
            return failure == null && level != null;
        }
    }

    /** @param stoppedBy what ended the batch early (token removed, second PIN), or null */
    public record BatchResult(List<Outcome> outcomes, boolean cancelled, CounterException stoppedBy) {
        public long signedCount() {
            return outcomes.stream().filter(Outcome::signed).count();
        }
    }

    /** Progress for the window's bar and the command line. */
    public interface Progress {
        void done(int finished, int total, Outcome outcome);
    }

    private final SigningKeys keys;
    private final CopySigner signer;
    private final Clock clock;

    public CopySigning(SigningKeys keys, CopySigner signer, Clock clock) {
        this.keys = keys;
        this.signer = signer;
        this.clock = clock;
    }

    /**
     * Unlocks the key with {@code pin} (cleared here, whatever happens) and signs {@code items} in order.
     *
     * @throws CounterException when the key cannot be unlocked (wrong PIN, no token, …): nothing was signed
     */
    public BatchResult sign(SigningKeys.Source source, char[] pin, List<Item> items, Policy policy, Progress progress,
                            BooleanSupplier cancelled) {
        SigningKey key = unlock(source, pin);
        List<Outcome> outcomes = new ArrayList<>();
        try (key) {
            for (Item item : items) {
                if (cancelled.getAsBoolean()) {
                    return new BatchResult(outcomes, true, null);
                }
                Outcome outcome;
                try {
                    outcome = signOne(item, key, policy);
                } catch (CounterException e) {
                    outcome = new Outcome(item.name(), null, false, e);
                    if (stopsTheBatch(e)) {
                        LOG.warn("signing batch stopped after {} of {}: {}", outcomes.size(), items.size(), e.messageKey());
                        outcomes.add(outcome);
                        progress.done(outcomes.size(), items.size(), outcome);
                        return new BatchResult(outcomes, false, e);
                    }
                    LOG.warn("copy {} not signed: {}", item.name(), e.getMessage());
                }
                outcomes.add(outcome);
                progress.done(outcomes.size(), items.size(), outcome);
            }
        }
        return new BatchResult(outcomes, false, null);
    }

    private Outcome signOne(Item item, SigningKey key, Policy policy) {
        Signed signed = sign(item.content().get(), item.name(), item.kind(), key, policy);
        item.signed().accept(signed.pdf());
        return new Outcome(item.name(), signed.level(), !signed.level().atLeast(policy.target()), null);
    }

    /** A copy signed at {@code level}: the policy's target, or lower when the network was missing. */
    public record Signed(byte[] pdf, SignatureLevel level) {
    }

    /**
     * Signs one copy with an unlocked key at the policy's level, or at B-B (or B-T) when the TSA or the revocation
     * services cannot be reached; {@link #extend} raises it later.
     */
    public Signed sign(byte[] pdf, String name, CopyKind kind, SigningKey key, Policy policy) {
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(SignatureStamp.VIETNAM);
        SignatureStamp stamp = new SignatureStamp(kind, policy.agency(), now);
        CopySigner.Appearance appearance = kind.sealed() && policy.signerImage() != null
                ? new CopySigner.Appearance(stamp, policy.signerImage(), policy.sealImage())
                : CopySigner.Appearance.text(stamp);
        SignatureLevel level = SignatureLevel.B_B;
        byte[] signed;
        if (policy.target().atLeast(SignatureLevel.B_T)) {
            try {
                signed = signer.sign(pdf, key, appearance, true);
                level = SignatureLevel.B_T;
            } catch (ValidationDataUnavailableException offline) {
                LOG.info("no timestamp for {} ({}): signed at B-B, to be extended", name, offline.getMessage());
                signed = signer.sign(pdf, key, appearance, false);
            }
        } else {
            signed = signer.sign(pdf, key, appearance, false);
        }
        if (level == SignatureLevel.B_T && policy.target() == SignatureLevel.B_LT) {
            try {
                signed = signer.extend(signed, SignatureLevel.B_LT);
                level = SignatureLevel.B_LT;
            } catch (ValidationDataUnavailableException offline) {
                LOG.info("no revocation data for {} ({}): kept at B-T, to be extended", name, offline.getMessage());
            }
        }
        return new Signed(signed, level);
    }

    /** Raises a copy signed offline to the target level; throws {@link ValidationDataUnavailableException} offline. */
    public byte[] extend(byte[] signedPdf, SignatureLevel target) {
        return signer.extend(signedPdf, target);
    }

    /** The level of a signed copy's last signature, or empty when it carries none. */
    public java.util.Optional<SignatureLevel> levelOf(byte[] pdf) {
        return signer.levelOf(pdf);
    }

    /** Unlocks a key for a batch the caller runs itself (the signing stage); the PIN is cleared here. */
    public SigningKey unlock(SigningKeys.Source source, char[] pin) {
        try {
            return keys.unlock(source, pin);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /** A token gone or asking for a second PIN fails every later copy the same way: stop and let them wait. */
    public static boolean stopsTheBatch(CounterException e) {
        return switch (e.messageKey()) {
            case "signing.token_removed", "signing.second_pin" -> true;
            default -> false;
        };
    }
}
