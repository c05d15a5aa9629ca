package vn.motcua.counter.domain.lifecycle;

/**
 * One paper the applicant must add (form 02): its name, how many, and in which form — bản chính (original),
 * bản chứng thực (certified copy) or bản photo (photocopy).
 */
public record SupplementItem(String document, int quantity, CopyKind kind) {

    public enum CopyKind {
        ORIGINAL("Bản chính"), CERTIFIED_COPY("Bản chứng thực"), PHOTOCOPY("Bản photo");

        private final String label;

        CopyKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public SupplementItem {
        if (document == null || document.isBlank()) {
            throw new IllegalArgumentException("a supplement item needs the document's name");
        }
        document = document.strip();
        if (quantity < 1) {
            throw new IllegalArgumentException("a supplement item needs at least one copy");
        }
    }
}
