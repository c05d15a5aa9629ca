package vn.motcua.counter.domain;

/**
 * One paper a procedure asks for (thành phần hồ sơ), with how many originals (bản chính) and copies (bản sao)
 * the applicant hands in; counts are null where the catalogue does not say.
 */
public record ComponentRequirement(String name, Integer originals, Integer copies, String note) {

    public ComponentRequirement {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a component needs a name");
        }
    }
}
