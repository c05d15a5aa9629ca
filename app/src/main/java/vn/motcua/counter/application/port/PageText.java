package vn.motcua.counter.application.port;

/**
 * What OCR read on one page.
 *
 * @param text plain text for the search index
 * @param kind how the clean-up kept the page (BILEVEL, GREY, COLOUR)
 * @param language the OCR language, e.g. {@code vie}
 * @param meanConfidence 0–100
 * @param wordBoxes the words with their boxes, as {@link PageCapture} encodes them (stored as they are and handed
 *                  back to it for the copy's text layer)
 */
public record PageText(String text, String kind, String language, float meanConfidence, String wordBoxes) {
}
