package nl.passend.events.codes;

/** The OPP's expected destination after primary school (uitstroomprofiel). */
public enum ExpectedDestination {
    VWO,
    HAVO,
    VMBO_TL,
    VMBO_KB,
    VMBO_BB,
    PRO,
    VSO_ARBEID,
    VSO_DAGBESTEDING
}
