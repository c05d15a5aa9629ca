package vn.motcua.counter.adapters.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.counter.capture.OcrResult;
import vn.motcua.counter.capture.OcrWord;

/**
 * An OCR result's words as one compact JSON value per page: {@code {"width","height","dpi","words":[[text, x, y, w,
 * h, baseline, confidence], …]}}. Arrays rather than objects per word keep a full page at about 25 bytes a word.
 */
final class WordBoxes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WordBoxes() {
    }

    static String encode(OcrResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("width", result.imageWidth());
        root.put("height", result.imageHeight());
        root.put("dpi", result.dpi());
        ArrayNode words = root.putArray("words");
        for (OcrWord w : result.words()) {
            words.addArray().add(w.text()).add(w.x()).add(w.y()).add(w.width()).add(w.height()).add(w.baseline())
                    .add(Math.round(w.confidence() * 10) / 10f);
        }
        return root.toString();
    }

    static OcrResult decode(String json, String text, String language, float meanConfidence) {
        try {
            JsonNode root = JSON.readTree(json);
            List<OcrWord> words = new ArrayList<>();
            for (JsonNode w : root.get("words")) {
                words.add(new OcrWord(w.get(0).asText(), w.get(1).asInt(), w.get(2).asInt(), w.get(3).asInt(),
                        w.get(4).asInt(), w.get(5).asInt(), (float) w.get(6).asDouble()));
            }
            return new OcrResult(text, words, root.get("width").asInt(), root.get("height").asInt(),
                    root.get("dpi").asInt(), language, meanConfidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored word boxes are not valid JSON", e);
        }
    }
}
