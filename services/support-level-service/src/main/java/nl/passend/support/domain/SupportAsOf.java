package nl.passend.support.domain;

import java.util.List;
import nl.passend.platform.http.AsOf;

/**
 * A pupil's support file as it stood at the end of a day: what was known then and in force by then.
 * Known means recorded before the day ended; in force means its business date (effective date,
 * start, the day a session was held or the intervention evaluated) is on or before the day. A BOT
 * or a TLV decision looked at that file, not at corrections made afterwards.
 */
public final class SupportAsOf {

    private SupportAsOf() {
    }

    /**
     * The level history as known at the end of the day, in the order it was recorded. (An entry is
     * never effective after the day it was recorded, so every entry known then was in force too.)
     */
    public static List<LevelEntry> history(List<LevelEntry> recorded, AsOf asOf) {
        return recorded.stream().filter(e -> asOf.known(e.recordedAt) && asOf.reached(e.effectiveDate)).toList();
    }

    /**
     * The entry of the level in force at the end of the day: the latest one known then. A change
     * follows the entry before it and a correction replaces the entry it corrects, so the latest
     * recorded entry is the level, whatever came after; null before the first one.
     */
    public static LevelEntry current(List<LevelEntry> history) {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }

    /** An intervention belongs to the file of the day when it was recorded by then and had started. */
    public static boolean shows(Intervention intervention, AsOf asOf) {
        return asOf.known(intervention.recordedAt) && asOf.reached(intervention.startsOn);
    }

    /** Its evaluation, when it was evaluated on or before the day (an evaluation keeps no time of recording). */
    public static boolean showsEvaluation(Intervention intervention, AsOf asOf) {
        return intervention.effect != null && asOf.reached(intervention.evaluatedOn);
    }

    /** A session, when it was held on or before the day and recorded by its end. */
    public static boolean shows(InterventionSession session, AsOf asOf) {
        return asOf.known(session.recordedAt) && asOf.reached(session.heldOn);
    }
}
