package vn.motcua.sync.hub;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import vn.motcua.sync.hub.support.CounterClient;
import vn.motcua.sync.hub.support.TestHub;
import vn.motcua.sync.wire.Sha256;

/**
 * A counter on 3G losing its link in the middle of a PATCH (Jetty's "Early EOF"): the hub logs one INFO line
 * without a stack trace (nothing at ERROR or WARN, no throwable), keeps the bytes that arrived, and the counter
 * resumes by tus from there.
 */
class ClientCutTest {
    @TempDir
    Path dir;

    @Test
    void anUploadCutMidwayIsOneInfoLineAndResumes() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        try (TestHub hub = TestHub.start(dir)) {
            CounterClient counter = hub.enrolCounter("Quầy 3G");
            byte[] file = new byte[512 * 1024];
            new Random(7).nextBytes(file);
            String sha = Sha256.hex(file);
            String location = counter.createUpload(sha, file.length);

            // a raw socket: the headers announce the whole file, 100 KB of it go out, then the link is gone
            try (Socket socket = new Socket("127.0.0.1", hub.base.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("PATCH " + location + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + counter.token
                        + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\n"
                        + "Content-Length: " + file.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(file, 0, 100 * 1024);
                out.flush();
                Thread.sleep(200); // the hub is reading the body when the link goes
            }
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (cutLines(logs).isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            Thread.sleep(300); // anything Jetty or the hub would log after it

            List<ILoggingEvent> cut = cutLines(logs);
            assertThat(cut).hasSize(1);
            assertThat(cut.getFirst().getLevel()).isEqualTo(Level.INFO);
            assertThat(cut.getFirst().getThrowableProxy()).isNull();
            assertThat(cut.getFirst().getKeyValuePairs().toString()).contains("/api/v1/uploads/{id}").contains("PATCH");
            List<ILoggingEvent> snapshot = List.copyOf(logs.list);
            assertThat(snapshot).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                    .extracting(e -> e.getLoggerName() + " " + e.getFormattedMessage()).isEmpty();
            assertThat(snapshot).filteredOn(e -> e.getThrowableProxy() != null)
                    .extracting(e -> e.getLoggerName() + " " + e.getFormattedMessage()).isEmpty();

            // the 100 KB that arrived are kept; the counter asks HEAD and sends the rest from there
            int kept = 100 * 1024;
            assertThat(counter.offset(location)).isEqualTo(kept);
            assertThat(counter.patch(location, kept, Arrays.copyOfRange(file, kept, file.length)).statusCode()).isEqualTo(204);
            assertThat(counter.offset(location)).isEqualTo(file.length);
            assertThat(hub.count("select count(*) from blobs where sha256 = '" + sha + "'")).isEqualTo(1);
            assertThat(dir.resolve("tmp")).isEmptyDirectory(); // the cut PATCH's temporary part is gone
        } finally {
            root.detachAppender(logs);
        }
    }

    private static List<ILoggingEvent> cutLines(ListAppender<ILoggingEvent> logs) {
        return List.copyOf(logs.list).stream().filter(e -> "request body cut short by the client".equals(e.getMessage())).toList();
    }
}
