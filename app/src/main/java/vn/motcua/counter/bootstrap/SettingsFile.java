package vn.motcua.counter.bootstrap;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
record SettingsFile(Path file, List<Entry> entries, List<Unreadable> unreadable) {

    record Entry(String key, String value, int line) {
    }

    /** A line that is not a setting Java can read (bytes that are not UTF-8, a broken {@code \\u} escape). */
    record Unreadable(int line, String key, String expected) {
    }

    static SettingsFile read(Path file) throws IOException {
        List<String> lines = decode(Files.readAllBytes(file)).lines().toList();
        List<Entry> entries = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
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
            String key = first.split("[=:\\s]", 2)[0];
            if (logical.indexOf(String.valueOf(NOT_UTF8)) >= 0) {
                unreadable.add(new Unreadable(start + 1, key, "UTF-8 text"));
                continue;
            }
            Properties one = new Properties();
            try {
                one.load(new StringReader(logical.toString()));
            } catch (IllegalArgumentException e) {   // Properties' own refusal of a malformed \\uXXXX escape
                unreadable.add(new Unreadable(start + 1, key, "a valid \\uXXXX escape"));
                continue;
            }
            for (String name : one.stringPropertyNames()) {
                entries.add(new Entry(name, one.getProperty(name), start + 1));
            }
        }
        return new SettingsFile(file, List.copyOf(entries), List.copyOf(unreadable));
    }

    private static final char NOT_UTF8 = '\uFFFD';

    /** UTF-8; bytes that are not become U+FFFD, and their lines are reported instead of failing the whole file. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(String.valueOf(NOT_UTF8))
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not fail", e);
        }
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
