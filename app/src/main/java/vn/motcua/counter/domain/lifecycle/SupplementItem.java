package vn.motcua.counter.domain.lifecycle;

import vn.motcua.counter.domain.DiacriticFolding;

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

    /**
     * Reads a line as the clerk types it: {@code name[; quantity][; kind]}, e.g. {@code Sổ hộ khẩu; 2; photo}.
     * The kind is recognised without diacritics ("chung thuc", "photo"); the default is one original.
     */
    public static SupplementItem parse(String line) {
        String[] parts = line.split(";");
        int quantity = 1;
        CopyKind kind = CopyKind.ORIGINAL;
        for (int i = 1; i < parts.length; i++) {
            String part = DiacriticFolding.fold(parts[i]);
            if (part.matches("\\d+")) {
                quantity = Integer.parseInt(part);
            } else if (part.contains("photo")) {
                kind = CopyKind.PHOTOCOPY;
            } else if (part.contains("chung thuc") || part.contains("sao")) {
                kind = CopyKind.CERTIFIED_COPY;
            }
        }
        return new SupplementItem(parts[0], quantity, kind);
    }
}
