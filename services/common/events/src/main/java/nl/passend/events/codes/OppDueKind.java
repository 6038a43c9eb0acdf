package nl.passend.events.codes;

/** What is due of an OPP: its establishment (6 weeks after the start of extra support) or an evaluation. */
public enum OppDueKind {
    ESTABLISHMENT,
    EVALUATION
}
