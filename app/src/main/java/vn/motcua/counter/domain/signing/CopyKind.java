package vn.motcua.counter.domain.signing;

/**
 * What the signed document is, as the first line of its signature stamp says (Decree 30/2020 Appendix I). The
 * wording is the legal text and stays Vietnamese whatever the window's language.
 */
public enum CopyKind {
    /** An electronic copy made at the counter from the original paper the applicant showed. */
    CERTIFIED_FROM_ORIGINAL("Bản sao điện tử được chứng thực từ bản chính", false),
    /** An electronic copy made from the master register (sổ gốc). */
    FROM_MASTER_REGISTER("Bản sao điện tử từ sổ gốc", false),
    /** The result of a procedure, signed by its signer and sealed by the agency. */
    RESULT("Kết quả giải quyết thủ tục hành chính", true);

    private final String wording;
    private final boolean sealed;

    CopyKind(String wording, boolean sealed) {
        this.wording = wording;
        this.sealed = sealed;
    }

    public String wording() {
        return wording;
    }

    /** Results carry the signer's image and the red seal image; copies carry text only. */
    public boolean sealed() {
        return sealed;
    }
}
