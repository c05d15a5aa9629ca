package vn.motcua.counter.adapters.catalogue;

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
 * processing_time, components: [{name, ban_chinh, ban_sao, note}]}]}}).
 */
public final class JsonCatalogueReader {

    /** "03 ngày làm việc", "05 ngày": the first stated number of days. */
    private static final Pattern DAYS = Pattern.compile("(\\d+)\\s*ngày");

    private final ObjectMapper mapper = new ObjectMapper();

    public List<Procedure> read(InputStream json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (IOException e) {
            throw new CounterException("catalogue.unreadable", e, e.getMessage());
        }
        JsonNode items = root.path("procedures");
        if (!items.isArray()) {
            throw new CounterException("catalogue.unreadable", "no \"procedures\" list");
        }
        List<Procedure> procedures = new ArrayList<>();
        int record = 0;
        for (JsonNode item : items) {
            record++;
            String code = text(item, "code");
            String name = text(item, "name_vi");
            if (code == null || name == null) {
                throw new CounterException("catalogue.record_invalid", record, "code/name_vi");
            }
            procedures.add(new Procedure(code, name, text(item, "field"),
                    processingTime(text(item, "processing_time")), components(item.path("components"))));
        }
        return procedures;
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

    private static List<ComponentRequirement> components(JsonNode list) {
        List<ComponentRequirement> components = new ArrayList<>();
        for (JsonNode c : list) {
            components.add(new ComponentRequirement(text(c, "name"), integer(c, "ban_chinh"), integer(c, "ban_sao"),
                    text(c, "note")));
        }
        return components;
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
