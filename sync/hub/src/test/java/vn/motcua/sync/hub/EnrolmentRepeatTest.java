package vn.motcua.sync.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.sync.hub.support.CounterClient;
import vn.motcua.sync.hub.support.Dossiers;
import vn.motcua.sync.hub.support.TestHub;
import vn.motcua.sync.wire.Keys;

/**
 * An enrolment whose answer was lost (PROTOCOL.md, "Enrolment and credentials"): the same code, name and key again
 * get the same counter with a fresh token; a used code with another key, or for another counter, is still refused.
 * Over HTTP against a real PostgreSQL.
 */
class EnrolmentRepeatTest {
    @TempDir
    static Path data;
    static TestHub hub;

    @BeforeAll
    static void start() throws Exception {
        hub = TestHub.start(data);
    }

    @AfterAll
    static void stop() throws Exception {
        hub.close();
    }

    @Test
    void theSameKeyAgainGetsTheSameCounterAndAWorkingToken() throws Exception {
        String code = hub.hub.counters().createEnrolmentCode("Quầy lặp 1", "test").code();
        KeyPair key = Keys.generate();
        CounterClient first = CounterClient.enrol(hub.base, code, "Quầy lặp 1", key);
        // the answer is lost; the counter asks again with what it kept
        CounterClient again = CounterClient.enrol(hub.base, code.toLowerCase(java.util.Locale.ROOT), "Quầy lặp 1", key);
        assertThat(again.counterId).isEqualTo(first.counterId);
        assertThat(again.enrolment.hubPublicKey()).isEqualTo(first.enrolment.hubPublicKey());
        assertThat(again.token).isNotEqualTo(first.token);
        // the new token works, the one never received does not
        assertThat(again.changes(null).changes()).isEmpty();
        assertThat(first.send(first.request("/api/v1/changes").GET().build()).statusCode()).isEqualTo(401);
        Dossiers.Sample s = Dossiers.sample(Dossiers.code(6, 1), 61, 1, 20_000);
        for (byte[] f : s.files()) {
            assertThat(again.upload(f)).isEqualTo(204);
        }
        assertThat(again.put(s.manifest()).statusCode()).isEqualTo(200);
        assertThat(hub.count("select count(*) from counters where name = 'Quầy lặp 1'")).isEqualTo(1);
    }

    @Test
    void aUsedCodeWithAnotherKeyIsRefusedAndTheCounterKeepsItsToken() throws Exception {
        String code = hub.hub.counters().createEnrolmentCode("Quầy lặp 2", "test").code();
        CounterClient first = CounterClient.enrol(hub.base, code, "Quầy lặp 2", Keys.generate());
        assertThatThrownBy(() -> CounterClient.enrol(hub.base, code, "Quầy lặp 2", Keys.generate()))
                .hasMessageContaining("403").hasMessageContaining("enrolment_refused");
        assertThat(first.changes(null).changes()).isEmpty();
    }

    @Test
    void aRepeatIsRefusedOnceTheCounterEnrolledAgainOrWasRevoked() throws Exception {
        KeyPair key = Keys.generate();
        String code = hub.hub.counters().createEnrolmentCode("Quầy lặp 3", "test").code();
        CounterClient.enrol(hub.base, code, "Quầy lặp 3", key);
        // a later code enrols the same counter with the same key: the first code is no longer its enrolment
        String later = hub.hub.counters().createEnrolmentCode("Quầy lặp 3", "test").code();
        CounterClient current = CounterClient.enrol(hub.base, later, "Quầy lặp 3", key);
        assertThatThrownBy(() -> CounterClient.enrol(hub.base, code, "Quầy lặp 3", key))
                .hasMessageContaining("enrolment_refused");
        assertThat(current.changes(null).changes()).isEmpty();
        // revoked: the repeat does not bring it back
        assertThat(hub.hub.counters().revoke("Quầy lặp 3", "test")).isTrue();
        assertThatThrownBy(() -> CounterClient.enrol(hub.base, later, "Quầy lặp 3", key))
                .hasMessageContaining("enrolment_refused");
        // a used code sent under another counter's name
        assertThatThrownBy(() -> CounterClient.enrol(hub.base, later, "Quầy lặp 4", key))
                .hasMessageContaining("enrolment_refused");
    }
}
