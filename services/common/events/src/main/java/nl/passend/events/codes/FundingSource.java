package nl.passend.events.codes;

/** Who grants and pays an arrangement: the school's board (basic support budget) or the SWV. */
public enum FundingSource {
    BOARD,
    SWV
}
