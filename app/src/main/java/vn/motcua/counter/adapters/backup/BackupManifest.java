package vn.motcua.counter.adapters.backup;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What a backup folder holds, written encrypted ({@code backup.mce}) so that a file removed, added or swapped is
 * noticed at restore: the keyring it belongs to, the database copy and every content file, each with its size and
 * the SHA-256 of its plaintext.
 */
record BackupManifest(String keyringId, Instant created, long dossiers, Item database, List<Item> files) {

    static final int FORMAT = 1;
    /** Content files are {@code ab/<64 hex>}: nothing else may be named in a manifest (no {@code ../}). */
    private static final Pattern CONTENT_PATH = Pattern.compile("[0-9a-f]{2}/[0-9a-f]{64}");

    /** @param path the file's place under the data folder's {@code files}, or the database's name */
    record Item(String path, long size, String sha256) {
    }

    String write() {
        Properties out = new Properties();
        out.setProperty("format", Integer.toString(FORMAT));
        out.setProperty("keyring.id", keyringId);
        out.setProperty("created", created.toString());
        out.setProperty("dossiers", Long.toString(dossiers));
        out.setProperty("database", line(database));
        out.setProperty("files", Integer.toString(files.size()));
        for (int i = 0; i < files.size(); i++) {
            out.setProperty("file." + (i + 1), line(files.get(i)));
        }
        StringWriter text = new StringWriter();
        try {
            out.store(text, "Motcua Counter backup");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** @throws IllegalArgumentException when the text is not a manifest of this format */
    static BackupManifest read(String text) {
        Properties in = new Properties();
        try {
            in.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Integer.toString(FORMAT).equals(in.getProperty("format"))) {
            throw new IllegalArgumentException("backup format " + in.getProperty("format"));
        }
        int count = Integer.parseInt(in.getProperty("files"));
        List<Item> files = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            Item item = item(in.getProperty("file." + i));
            if (!CONTENT_PATH.matcher(item.path()).matches()) {
                throw new IllegalArgumentException("content path " + item.path());
            }
            files.add(item);
        }
        return new BackupManifest(require(in, "keyring.id"), Instant.parse(require(in, "created")),
                Long.parseLong(require(in, "dossiers")), item(in.getProperty("database")), List.copyOf(files));
    }

    private static String line(Item item) {
        return item.path() + "|" + item.size() + "|" + item.sha256();
    }

    private static Item item(String line) {
        String[] parts = require(line).split("\\|");
        if (parts.length != 3) {
            throw new IllegalArgumentException("manifest line");
        }
        return new Item(parts[0], Long.parseLong(parts[1]), parts[2]);
    }

    private static String require(Properties in, String key) {
        return require(in.getProperty(key));
    }

    private static String require(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("manifest entry missing");
        }
        return value;
    }
}
