package vn.motcua.counter.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.adapters.files.FileContentStore;
import vn.motcua.counter.adapters.protection.DataKey;
import vn.motcua.counter.adapters.protection.FileCipher;

/**
 * Decision 1201's in-place sealing of a plain content store, killed with SIGKILL at a random moment in a child JVM:
 * the next run finishes it and every item reads back whole. 3 trials by default, {@code -Psoak} runs 20.
 */
class ContentSealingCrashTest {

    private static final int ITEMS = 100;

    @TempDir
    Path temp;

    @Test
    void aKillDuringSealingLosesNothingAndTheNextRunFinishes() throws Exception {
        int trials = Integer.getInteger("crash.trials", 3);
        Random random = new Random();
        int killedMidway = 0;
        for (int trial = 0; trial < trials; trial++) {
            Path root = temp.resolve("trial-" + trial);
            Map<String, byte[]> contents = plainStore(root, new Random(trial));
            byte[] key = new byte[DataKey.LENGTH];
            random.nextBytes(key);

            Process child = start(root, key);
            awaitLine(child, "item");   // sealing has begun
            Thread.sleep(random.nextInt(300));
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally block runs
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

            FileContentStore store = new FileContentStore(root, new FileCipher(DataKey.of(key)));
            int left = store.encryptExisting(() -> false);
            System.out.printf("trial %d: %d of %d items left to seal after the kill%n", trial, left, ITEMS);
            if (left > 0 && left < ITEMS) {
                killedMidway++;
            }
            for (Map.Entry<String, byte[]> item : contents.entrySet()) {
                String id = item.getKey();
                assertThat(store.read(id)).isEqualTo(item.getValue());
                assertThat(FileCipher.isEncrypted(Files.readAllBytes(root.resolve(id.substring(0, 2)).resolve(id))))
                        .isTrue();
            }
        }
        System.out.printf("content sealing: %d trials, %d killed part-way%n", trials, killedMidway);
    }

    private static Map<String, byte[]> plainStore(Path root, Random random) {
        FileContentStore plain = new FileContentStore(root);
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (int i = 0; i < ITEMS; i++) {
            byte[] bytes = new byte[1 + random.nextInt(300_000)];
            random.nextBytes(bytes);
            contents.put(plain.put(bytes), bytes);
        }
        return contents;
    }

    private static Process start(Path root, byte[] key) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Djava.awt.headless=true", "-Dmotcua.log.dir=" + root.resolve("logs"),
                "-cp", System.getProperty("java.class.path"), SealLoop.class.getName(), root.toString(),
                HexFormat.of().formatHex(key))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static void awaitLine(Process child, String expected) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals(expected)) {
                return;
            }
        }
        throw new AssertionError("the child ended before printing " + expected);
    }

    /** The child: seals the store it is given, as a first start after the upgrade would. */
    public static final class SealLoop {
        public static void main(String[] args) {
            FileContentStore store = new FileContentStore(Path.of(args[0]),
                    new FileCipher(DataKey.of(HexFormat.of().parseHex(args[1]))));
            int sealed = store.encryptExisting(() -> {   // asked before each item: tells the parent it has begun
                System.out.println("item");
                System.out.flush();
                return false;
            });
            System.out.println("sealed " + sealed);
        }
    }
}
