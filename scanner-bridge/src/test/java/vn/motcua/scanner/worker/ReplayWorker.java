package vn.motcua.scanner.worker;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A worker process that replays a recorded exchange: {@code > } lines are what the client must send (checked
 * field by field), {@code < } lines are answers ({@code image=WxH} becomes a PNG payload of that size),
 * {@code !exit N} and {@code !hang} fake a crash and a hang. Sections headed {@code --- process} are played by
 * successive worker processes; a counter file next to the transcript says which one is next.
 */
public final class ReplayWorker {

    public static void main(String[] args) throws Exception {
        Path transcript = Path.of(args[0]);
        List<String> section = section(transcript, nextProcessNumber(transcript));
        InputStream in = new BufferedInputStream(System.in);
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
        for (String line : section) {
            if (line.startsWith("> ")) {
                BridgeMessage expected = parse(line.substring(2));
                BridgeMessage actual = BridgeCodec.read(in);
                if (!expected.verb().equals(actual.verb()) || !expected.fields().equals(actual.fields())) {
                    BridgeCodec.write(out, BridgeMessage.of("ERROR", "source", "worker", "code", "DRIVER_CRASHED",
                            "detail", "mismatch: expected " + expected + " got " + actual));
                    System.exit(2);
                }
            } else if (line.startsWith("< ")) {
                BridgeCodec.write(out, withImage(parse(line.substring(2))));
            } else if (line.startsWith("!exit ")) {
                out.flush();
                Runtime.getRuntime().halt(Integer.parseInt(line.substring(6).strip()));
            } else if (line.equals("!hang")) {
                Thread.sleep(Long.MAX_VALUE);
            }
        }
        out.flush();
        System.exit(0);
    }

    private static int nextProcessNumber(Path transcript) throws Exception {
        Path counter = transcript.resolveSibling(transcript.getFileName() + ".count");
        int number = Files.exists(counter) ? Integer.parseInt(Files.readString(counter).strip()) + 1 : 1;
        Files.writeString(counter, Integer.toString(number));
        return number;
    }

    private static List<String> section(Path transcript, int number) throws Exception {
        List<String> lines = new ArrayList<>();
        int current = 0;
        for (String line : Files.readAllLines(transcript, StandardCharsets.UTF_8)) {
            if (line.startsWith("--- process")) {
                current++;
            } else if (current == number && !line.isBlank() && !line.startsWith("#")) {
                lines.add(line.strip());
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException("no section " + number + " in " + transcript);
        }
        return lines;
    }

    private static BridgeMessage parse(String header) throws Exception {
        return BridgeCodec.read(new ByteArrayInputStream((header + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    private static BridgeMessage withImage(BridgeMessage message) throws Exception {
        String size = message.fields().get("image");
        if (size == null) {
            return message;
        }
        String[] wh = size.split("x");
        BufferedImage image = new BufferedImage(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]),
                BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        Map<String, String> fields = new LinkedHashMap<>(message.fields());
        fields.remove("image");
        return new BridgeMessage(message.verb(), fields, png.toByteArray());
    }

    private ReplayWorker() {
    }
}
