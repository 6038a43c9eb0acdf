package nl.passend.events.codes;

/** The four support levels (docs/glossary.md); levels 1–3 are basic support, level 4 is extra support. */
public enum SupportLevel {
    LEVEL_1(SupportCategory.BASIC),
    LEVEL_2(SupportCategory.BASIC),
    LEVEL_3(SupportCategory.BASIC),
    LEVEL_4(SupportCategory.EXTRA);

    private final SupportCategory category;

    SupportLevel(SupportCategory category) {
        this.category = category;
    }

    public SupportCategory category() {
        return category;
    }
}
