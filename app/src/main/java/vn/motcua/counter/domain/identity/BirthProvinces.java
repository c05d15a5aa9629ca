package vn.motcua.counter.domain.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The 63 birth-registration province codes that open a personal ID number (fixed by Circular 07/2016/TT-BCA). */
final class BirthProvinces {

    private static final Map<String, String> NAMES = load();

    private BirthProvinces() {
    }

    static Optional<String> name(String code) {
        return Optional.ofNullable(NAMES.get(code));
    }

    private static Map<String, String> load() {
        Map<String, String> names = new LinkedHashMap<>();
        try (InputStream in = BirthProvinces.class.getResourceAsStream("birth-provinces.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(",", 2))
                    .forEach(parts -> names.put(parts[0].strip(), parts[1].strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("birth-provinces.csv is missing from the application", e);
        }
        return Map.copyOf(names);
    }
}
