package vn.motcua.counter.domain.identity;

/**
 * What kind of number identifies an applicant: a Vietnamese citizen's 12-digit personal ID number (số định danh cá
 * nhân), a foreigner's passport (hộ chiếu), or an organisation's tax code (mã số thuế). {@link #formLabel()} is the
 * label the printed forms put before the number.
 */
public enum IdKind {
    PERSONAL_ID("Số định danh cá nhân"),
    PASSPORT("Số hộ chiếu"),
    TAX_CODE("Mã số thuế");

    private final String formLabel;

    IdKind(String formLabel) {
        this.formLabel = formLabel;
    }

    public String formLabel() {
        return formLabel;
    }

    /** An organisation has no birth date or sex; a person at the counter may represent it. */
    public boolean organisation() {
        return this == TAX_CODE;
    }
}
