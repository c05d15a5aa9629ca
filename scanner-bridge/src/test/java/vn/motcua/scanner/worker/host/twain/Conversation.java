package vn.motcua.scanner.worker.host.twain;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import vn.motcua.scanner.worker.BridgeCodec;
import vn.motcua.scanner.worker.BridgeMessage;
import vn.motcua.scanner.worker.host.WorkerBackend;

/**
 * One section of a recorded conversation between a worker backend and the native side, read in order: {@code >}
 * a bridge request to the worker, {@code <} the answer it must send, {@code =} a call the worker makes (DSM_Entry,
 * a COM method), {@code !} what the native side does on its own (a source message, a driver callback) or the
 * client's CANCEL. A line of the wrong kind at any point means the worker did something else than recorded.
 * Used by the TWAIN ({@code *.dsm}) and WIA ({@code *.wia}) replays.
 */
public final class Conversation {

    private final String title;
    private final Deque<String> lines;
    private Runnable cancel = () -> { };

    private Conversation(String title, List<String> lines) {
        this.title = title;
        this.lines = new ArrayDeque<>(lines);
    }

    /** The sections of a test resource next to {@code owner}. */
    public static List<Conversation> load(Class<?> owner, String resource) throws IOException {
        try (java.io.InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no resource " + resource + " next to " + owner.getName());
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Sections start with {@code --- title}; {@code #} lines and blank lines are comments. */
    static List<Conversation> parse(String text) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("--- ")) {
                current = new ArrayList<>();
                sections.put(line.substring(4).trim(), current);
            } else if (!line.isBlank() && !line.startsWith("#") && current != null) {
                current.add(line);
            }
        }
        return sections.entrySet().stream().map(e -> new Conversation(e.getKey(), e.getValue())).toList();
    }

    /** What a recorded {@code ! CANCEL} does: the client's CANCEL reaching the worker at that point. */
    public void onCancel(Runnable action) {
        cancel = action;
    }

    public String title() {
        return title;
    }

    public boolean hasNext() {
        return !lines.isEmpty();
    }

    /** The next line of {@code kind} (without its marker); recorded CANCELs on the way are delivered first. */
    public String next(char kind) {
        deliverCancels();
        String line = lines.pollFirst();
        assertThat(line).as("[%s] the worker wants a '%s' line, the recording has ended", title, kind).isNotNull();
        assertThat(line.charAt(0)).as("[%s] the worker went for '%s', the recording has: %s", title, kind, line)
                .isEqualTo(kind);
        return line.substring(2);
    }

    /**
     * Plays the recorded requests to {@code backend} ({@code BYE} closes it; a recorded CANCEL calls its
     * {@link WorkerBackend#cancel()}) and checks every answer; {@code check} runs before each answer is compared
     * and after each request, to surface a mismatch the native side could only keep.
     */
    public void replay(WorkerBackend backend, Runnable check) throws IOException, InterruptedException {
        onCancel(backend::cancel);
        while (hasNext()) {
            BridgeMessage request = message(next('>'));
            if (request.is("BYE")) {
                backend.close();
            } else {
                backend.handle(request, answer -> {
                    check.run();
                    expect(answer);
                });
            }
            check.run();
        }
    }

    /** The lines of {@code kind} still to come (without their marker), in order, without consuming them. */
    public List<String> remaining(char kind) {
        return lines.stream().filter(line -> line.charAt(0) == kind).map(line -> line.substring(2)).toList();
    }

    /** Whether the next line (after recorded CANCELs, which are delivered) is of {@code kind}. */
    public boolean nextIs(char kind) {
        deliverCancels();
        return lines.peekFirst() != null && lines.peekFirst().charAt(0) == kind;
    }

    private void deliverCancels() {
        while (lines.peekFirst() != null && lines.peekFirst().equals("! CANCEL")) {
            lines.removeFirst();
            cancel.run();
        }
    }

    /**
     * The worker's answer must equal the next recorded {@code <} line; {@code image=WxH} there stands for a
     * payload that decodes (ImageIO) to an image of that size.
     */
    public void expect(BridgeMessage answer) throws IOException {
        BridgeMessage recorded = message(next('<'));
        Map<String, String> fields = new LinkedHashMap<>(recorded.fields());
        String size = fields.remove("image");
        assertThat(answer.verb()).as("[%s] answer %s", title, answer).isEqualTo(recorded.verb());
        assertThat(answer.fields()).as("[%s] %s", title, answer.verb()).containsExactlyEntriesOf(fields);
        if (size != null) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(answer.payload()));
            assertThat(image).as("page payload is an image").isNotNull();
            assertThat(image.getWidth() + "x" + image.getHeight()).isEqualTo(size);
        } else {
            assertThat(answer.payload()).isEmpty();
        }
    }

    /** A request or recorded answer line as a bridge message (same encoding as on the wire). */
    public static BridgeMessage message(String line) {
        try {
            return BridgeCodec.read(new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
