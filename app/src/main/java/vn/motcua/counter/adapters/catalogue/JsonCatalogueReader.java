package vn.motcua.counter.adapters.catalogue;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.domain.ComponentRequirement;
import vn.motcua.counter.domain.ProcessingTime;
import vn.motcua.counter.domain.Procedure;

/**
 * Reads a procedure catalogue in the shape of the national sample ({@code {"procedures": [{code, name_vi, field,
 * processing_time, components: [{name, ban_chinh, ban_sao, note}]}]}}). The file is read as a stream so each
 * record's problems carry the line it starts on; one bad record refuses the whole file.
 */
public final class JsonCatalogueReader {

    /** "03 ngày làm việc", "05 ngày": the first stated number of days. */
    private static final Pattern DAYS = Pattern.compile("(\\d+)\\s*ngày");

    private final ObjectMapper mapper = new ObjectMapper();

    public List<Procedure> read(InputStream json) {
        return read(json, "catalogue.json");
    }

    /** @throws vn.motcua.counter.application.InvalidFileException listing every bad record */
    public List<Procedure> read(InputStream json, String fileName) {
        try {
            return read(CatalogueFiles.utf8(json.readAllBytes(), fileName), fileName);
        } catch (IOException e) {
            throw new CounterException("catalogue.unreadable", e, fileName);
        }
    }

    /**
     * Reads text already checked as UTF-8. A syntax error is told by its line, column and the record being read, in
     * the clerk's words: the parser's own message names its internals.
     */
    public List<Procedure> read(String json, String fileName) {
        CatalogueBuilder catalogue = new CatalogueBuilder();
        int record = 0;
        boolean inRecord = false;   // a syntax error between records is told as the next one's
        try (JsonParser parser = mapper.createParser(json)) {
            if (!seekProceduresArray(parser)) {
                throw new CounterException("catalogue.no_procedures", fileName);
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                int line = parser.currentTokenLocation().getLineNr();
                record++;
                inRecord = true;
                JsonNode item = mapper.readTree(parser);
                inRecord = false;
                List<ComponentRequirement> components = new ArrayList<>();
                for (JsonNode c : item.path("components")) {
                    components.add(catalogue.component(record, line, text(c, "name"), integer(c, "ban_chinh"),
                            integer(c, "ban_sao"), text(c, "note")));
                }
                catalogue.procedure(record, line, text(item, "code"), text(item, "name_vi"), text(item, "field"),
                        text(item, "processing_time"), components);
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new CounterException("catalogue.bad_json", e, fileName, at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), inRecord ? record : record + 1);
        } catch (IOException e) {
            throw new CounterException("catalogue.unreadable", e, fileName);
        }
        return catalogue.build(fileName);
    }

    /** Moves to the start of the top-level "procedures" array, skipping the sample's other fields. */
    private static boolean seekProceduresArray(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("procedures") && value == JsonToken.START_ARRAY) {
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }

    /**
     * The catalogue states limits as prose. The first clause holds the normal case: a number of days, or "trong
     * ngày" (same day). Null when nothing is stated, so the clerk sets the limit.
     */
    static ProcessingTime processingTime(String text) {
        if (text == null) {
            return null;
        }
        String firstClause = text.split(";", 2)[0].toLowerCase(Locale.ROOT);
        Matcher days = DAYS.matcher(firstClause);
        if (days.find()) {
            return ProcessingTime.ofWorkingDays(Integer.parseInt(days.group(1)));
        }
        if (firstClause.contains("trong ngày") || firstClause.startsWith("ngay")) {
            return ProcessingTime.SAME_DAY;
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isNumber() ? null : value.asInt();
    }
}
