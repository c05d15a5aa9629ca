package vn.motcua.counter.application.signing;

import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.port.SigningKey;
import vn.motcua.counter.application.port.SigningKeys;
import vn.motcua.counter.application.stage.Stage;
import vn.motcua.counter.application.stage.StageProgress;
import vn.motcua.counter.application.stage.StageRunner;

/**
 * The agency's key while the clerk signs the queue: unlocked once with the PIN the window asked for, it lets the
 * signing stage's waiting copies run ({@link StageRunner#unblock}), and is closed (logged out, forgotten) when the
 * queue is empty, when the clerk stops, or when the token goes away. Copies never wait on a key held open overnight.
 */
public final class SigningDesk {

    /** What a copy waiting for a signature waits for, in the stage table. */
    public static final String WAITING_FOR = "signing-token";

    private static final Logger LOG = LoggerFactory.getLogger(SigningDesk.class);

    private final CopySigning signing;
    private final SigningKeys.Source source;
    private volatile SigningKey key;
    private StageRunner runner;

    /** @param source the counter's configured key ({@code signing.key} or the token's CA profile) */
    public SigningDesk(CopySigning signing, SigningKeys.Source source) {
        this.signing = signing;
        this.source = source;
    }

    /** Lets the queue run through {@code runner}, and closes the key once the runner has no copy left to sign. */
    public void attach(StageRunner runner) {
        this.runner = runner;
        runner.onProgress(Set.of(Stage.SIGN_COPY), () -> {
            StageProgress.Counts counts = runner.progress().of(Stage.SIGN_COPY);
            if (key != null && counts.toRun() == 0) {
                close("the queue is signed");
            }
        });
    }

    /** What is plugged in or configured, for the PIN dialog ("Mã PIN của VNPT-CA"). */
    public String keyName() {
        return source.describe();
    }

    /**
     * Unlocks the key (the PIN is cleared, whatever happens) and lets the waiting copies be signed.
     *
     * @throws vn.motcua.counter.application.CounterException wrong PIN, no token, … : nothing changes
     */
    public synchronized void open(char[] pin) {
        SigningKey opened = signing.unlock(source, pin);
        SigningKey earlier = key;
        key = opened;
        if (earlier != null) {
            earlier.close();
        }
        int waiting = runner == null ? 0 : runner.unblock(WAITING_FOR);
        LOG.info("signing key open; {} copies waiting to be signed", waiting);
    }

    /** The key, while a batch runs. */
    public Optional<SigningKey> key() {
        return Optional.ofNullable(key);
    }

    /** The clerk stops the batch, or the token went away: the copies not signed yet wait again. */
    public synchronized void close(String why) {
        SigningKey open = key;
        key = null;
        if (open != null) {
            open.close();
            LOG.info("signing key closed: {}", why);
        }
    }
}
