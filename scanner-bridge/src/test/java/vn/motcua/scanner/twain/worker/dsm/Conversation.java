package vn.motcua.scanner.twain.worker.dsm;

import static org.assertj.core.api.Assertions.assertThat;

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
import vn.motcua.scanner.twain.BridgeCodec;
import vn.motcua.scanner.twain.BridgeMessage;

/**
 * One section of a recorded DSM conversation, read in order: {@code >} a bridge request to the worker,
 * {@code <} the answer it must send, {@code =} a DSM_Entry call, {@code !} a source message or the client's
 * CANCEL. A line of the wrong kind at any point means the worker did something else than recorded.
 */
final class Conversation {

    private final String title;
    private final Deque<String> lines;
    private Runnable cancel = () -> { };

    private Conversation(String title, List<String> lines) {
        this.title = title;
        this.lines = new ArrayDeque<>(lines);
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
    void onCancel(Runnable action) {
        cancel = action;
    }

    String title() {
        return title;
    }

    boolean hasNext() {
        return !lines.isEmpty();
    }

    /** The next line of {@code kind} (without its marker); recorded CANCELs on the way are delivered first. */
    String next(char kind) {
        while (lines.peekFirst() != null && lines.peekFirst().equals("! CANCEL")) {
            lines.removeFirst();
            cancel.run();
        }
        String line = lines.pollFirst();
        assertThat(line).as("[%s] the worker wants a '%s' line, the recording has ended", title, kind).isNotNull();
        assertThat(line.charAt(0)).as("[%s] the worker went for '%s', the recording has: %s", title, kind, line)
                .isEqualTo(kind);
        return line.substring(2);
    }

    /** A request or recorded answer line as a bridge message (same encoding as on the wire). */
    static BridgeMessage message(String line) {
        try {
            return BridgeCodec.read(new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
