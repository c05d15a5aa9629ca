package vn.motcua.counter.i18n;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.motcua.counter.application.port.DossierEvent;
import vn.motcua.counter.domain.Status;
import vn.motcua.counter.domain.lifecycle.Rating;

/**
 * A dossier's history as sentences the clerk reads ("Chuyển xử lý: từ "Được tiếp nhận" sang "Đang xử lý"."), made
 * from the events as the store keeps them: the kind, and a detail of {@code key=value} words (values with spaces in
 * quotes) with the reason after {@code " | "}. Parts not understood are left out, never shown raw.
 */
public final class HistoryText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/uuuu");
    private static final Pattern FIELD = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)");
    private static final Pattern TRANSITION = Pattern.compile("(\\d+)->(\\d+)");
    private static final Pattern HUB_WORD = Pattern.compile("(?s)(results|hub)=(\\d{1,4})(?: (.*))?");

    private final Messages messages;
    /** The rating given at return, to name the level an event records ("rating=1/3"). */
    private final Rating rating;

    /** @param rating the rating given at return (null: none yet), to name the level an event records */
    public HistoryText(Messages messages, Rating rating) {
        this.messages = messages;
        this.rating = rating;
    }

    /** "15:02 05/12/2026 · Trần Văn Bình: Tiếp nhận hồ sơ, 4 trang; giấy tiếp nhận đã in." */
    public String line(DossierEvent event) {
        return messages.text("history.line", event.at().format(TIME), event.actor(), sentence(event));
    }

    /** The event's sentence without its time and actor. */
    public String sentence(DossierEvent event) {
        String detail = event.detail() == null ? "" : event.detail();
        int bar = detail.indexOf(" | ");
        String reason = bar < 0 ? null : detail.substring(bar + 3).strip();
        Map<String, String> fields = fields(bar < 0 ? detail : detail.substring(0, bar));
        String what = messages.text("event." + event.kind());
        return switch (event.kind()) {
            case "RECEIVED" -> messages.text("history.received", fields.getOrDefault("pages", "?"));
            case "RESULT_ATTACHED" -> messages.text("history.resultAttached",
                    detail.replaceAll("\\s*pages=\\d+$", ""), fields.getOrDefault("pages", "?"));
            case "PAGES_REUSED" -> messages.text("history.reused", fields.getOrDefault("document", ""),
                    fields.getOrDefault("from", ""), fields.getOrDefault("into", ""),
                    fields.containsKey("pages") ? fields.get("pages").split(",").length : 0);
            case "IDENTITY_MISMATCH_ACCEPTED" -> messages.text("history.identityOverride",
                    String.join(" ", Arrays.stream(fields.getOrDefault("problems", "").split(","))
                            .filter(p -> !p.isBlank())
                            .map(p -> messages.text("id.problem." + p.toLowerCase(java.util.Locale.ROOT))).toList()),
                    fields.getOrDefault("reason", ""));
            case "HUB_RESULT", "HUB_REFUSED" -> fromHub(event.kind(), what, fields, reason);
            default -> lifecycle(what, fields, reason);
        };
    }

    /**
     * A change pulled from the hub whose reason starts with a word of its own: {@code results=N} (a result, N files)
     * or {@code hub=S} (a status the lifecycle here refused), then the department's reason.
     */
    private String fromHub(String kind, String what, Map<String, String> fields, String reason) {
        Matcher m = HUB_WORD.matcher(reason == null ? "" : reason);
        if (!m.matches()) {
            return lifecycle(what, fields, reason);
        }
        String rest = m.group(3) == null ? null : m.group(3).strip();
        if ("HUB_RESULT".equals(kind) && "results".equals(m.group(1))) {
            String sentence = lifecycle(what, fields, rest);
            String files = messages.text("history.hubResult", m.group(2));
            return sentence.contains(": ") ? sentence.replaceFirst(": ", ": " + files + "; ")
                    : sentence.replaceFirst("[.!?…]$", "") + ": " + files + ".";
        }
        if ("HUB_REFUSED".equals(kind) && "hub".equals(m.group(1))) {
            Matcher here = TRANSITION.matcher(fields.getOrDefault("status", ""));
            int wanted = Integer.parseInt(m.group(2));
            if (here.matches() && wanted >= 1 && wanted <= 10) {
                String refused = messages.text("history.hubRefused", status(m.group(2)), status(here.group(1)));
                String sentence = what + ": " + refused
                        + (rest == null || rest.isEmpty() ? "" : "; " + messages.text("history.reason", rest));
                return sentence.matches("(?s).*[.!?…]$") ? sentence : sentence + ".";
            }
        }
        return lifecycle(what, fields, rest);
    }

    /** A lifecycle step: what was done, the status change, the form issued, a new date, the rating, the reason. */
    private String lifecycle(String what, Map<String, String> fields, String reason) {
        List<String> parts = new ArrayList<>();
        Matcher change = TRANSITION.matcher(fields.getOrDefault("status", ""));
        if (change.matches() && !change.group(1).equals(change.group(2))) {
            parts.add(messages.text("history.status", status(change.group(1)), status(change.group(2))));
        }
        if (fields.containsKey("form")) {
            parts.add(messages.text("history.form", fields.get("form"), fields.getOrDefault("formNumber", "")).strip());
        }
        if (fields.containsKey("newAppointment")) {
            parts.add(messages.text("history.newAppointment",
                    LocalDateTime.parse(fields.get("newAppointment")).format(TIME)));
        }
        if (fields.containsKey("rating")) {
            String level = fields.get("rating").split("/")[0];
            parts.add(messages.text("history.rating", rating != null && String.valueOf(rating.level()).equals(level)
                    ? rating.label() : fields.get("rating")));
        }
        if (reason != null && !reason.isEmpty()) {
            parts.add(messages.text("history.reason", reason));
        }
        String sentence = parts.isEmpty() ? what : what + ": " + String.join("; ", parts);
        return sentence.matches("(?s).*[.!?…]$") ? sentence : sentence + ".";
    }

    private String status(String portalCode) {
        return messages.text("status." + Status.ofPortalCode(Integer.parseInt(portalCode)).name());
    }

    /**
     * The detail's {@code key=value} words; a form's number follows its kind as a word of its own
     * ({@code form=02 1/HDHS}) and is kept as {@code formNumber}.
     */
    private static Map<String, String> fields(String detail) {
        Map<String, String> fields = new HashMap<>();
        Matcher m = FIELD.matcher(detail);
        int end = -1;
        String last = null;
        while (m.find()) {
            if ("form".equals(last) && end >= 0) {
                String between = detail.substring(end, m.start()).strip();
                if (!between.isEmpty()) {
                    fields.put("formNumber", between);
                }
            }
            String value = m.group(2);
            fields.put(m.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
            last = m.group(1);
            end = m.end();
        }
        if ("form".equals(last) && end < detail.length() && !detail.substring(end).isBlank()) {
            fields.put("formNumber", detail.substring(end).strip());
        }
        return fields;
    }
}
