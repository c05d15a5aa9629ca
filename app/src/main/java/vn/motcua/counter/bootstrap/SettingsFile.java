package vn.motcua.counter.bootstrap;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A {@code motcua.properties} file read entry by entry with the line each starts on, so a wrong key can be named with
 * its file and line. Each logical line (continuations joined) is decoded by {@link Properties} itself, so escapes,
 * separators and Unicode behave exactly as Java reads them; the file is UTF-8.
 */
record SettingsFile(Path file, List<Entry> entries) {

    record Entry(String key, String value, int line) {
    }

    static SettingsFile read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String first = lines.get(i).stripLeading();
            if (first.isEmpty() || first.startsWith("#") || first.startsWith("!")) {
                continue;
            }
            int start = i;
            StringBuilder logical = new StringBuilder(lines.get(i));
            while (continues(lines.get(i)) && i + 1 < lines.size()) {
                logical.append('\n').append(lines.get(++i));
            }
            Properties one = new Properties();
            one.load(new StringReader(logical.toString()));
            for (String key : one.stringPropertyNames()) {
                entries.add(new Entry(key, one.getProperty(key), start + 1));
            }
        }
        return new SettingsFile(file, List.copyOf(entries));
    }

    /** A line ending in an odd number of backslashes goes on on the next line. */
    private static boolean continues(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }
}
