package nl.passend.support.domain;

import static nl.passend.platform.problem.RuleViolation.Kind.CONTENT;
import static nl.passend.platform.problem.RuleViolation.Kind.STATE;

import java.time.LocalDate;
import java.time.Month;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.passend.events.codes.InterventionEffect;
import nl.passend.events.codes.SupportDomain;
import nl.passend.events.codes.SupportLevel;
import nl.passend.platform.problem.RuleViolation;

/** The rules of support levels, interventions and their signals, as plain functions. */
public final class SupportRules {

    private SupportRules() {
    }

    /**
     * A level change: a new level (not the current one), effective no earlier than the entry it
     * follows and not in the future. A correction may repeat the level: it replaces what it corrects.
     */
    public static void checkLevelChange(SupportLevel current, SupportLevel next, LocalDate effective,
            LocalDate lastEffective, LocalDate today, boolean correction) {
        if (!correction && next == current) {
            throw new RuleViolation(STATE, "level-unchanged", "the pupil is at " + current + " already");
        }
        if (effective.isAfter(today)) {
            throw new RuleViolation(CONTENT, "effective-in-future", "effectiveDate " + effective + " lies in the future");
        }
        if (!correction && lastEffective != null && effective.isBefore(lastEffective)) {
            throw new RuleViolation(CONTENT, "effective-before-last", "effectiveDate " + effective
                    + " lies before the last change (" + lastEffective + "); correct that entry instead");
        }
    }

    /** An intervention's period and dosage. */
    public static void checkIntervention(LocalDate start, LocalDate end, int frequencyPerWeek, int minutesPerSession) {
        if (end != null && end.isBefore(start)) {
            throw new RuleViolation(CONTENT, "end-before-start", "endDate " + end + " lies before startDate " + start);
        }
        if (frequencyPerWeek < 1 || frequencyPerWeek > 35) {
            throw new RuleViolation(CONTENT, "invalid-dosage", "frequencyPerWeek must be 1 to 35, not " + frequencyPerWeek);
        }
        if (minutesPerSession < 1 || minutesPerSession > 480) {
            throw new RuleViolation(CONTENT, "invalid-dosage", "minutesPerSession must be 1 to 480, not " + minutesPerSession);
        }
    }

    /** The school year (1 August – 31 July) a date falls in, by its first day. */
    public static LocalDate schoolYearStart(LocalDate date) {
        int year = date.getMonthValue() >= Month.AUGUST.getValue() ? date.getYear() : date.getYear() - 1;
        return LocalDate.of(year, Month.AUGUST, 1);
    }

    /** An evaluated intervention of one pupil, as the signal needs it. */
    public record Evaluated(SupportDomain domain, InterventionEffect effect, LocalDate evaluatedOn) {
    }

    /**
     * Intervening without changing course: the domains with {@code threshold} or more
     * interventions evaluated NOT_ACHIEVED in the current school year since the last level change.
     */
    public static Set<SupportDomain> noChangeOfCourse(List<Evaluated> evaluated, LocalDate levelSince, LocalDate today,
            int threshold) {
        LocalDate from = schoolYearStart(today);
        if (levelSince != null && levelSince.isAfter(from)) {
            from = levelSince;
        }
        Map<SupportDomain, Integer> notAchieved = new EnumMap<>(SupportDomain.class);
        for (Evaluated e : evaluated) {
            if (e.effect() == InterventionEffect.NOT_ACHIEVED && e.evaluatedOn() != null
                    && !e.evaluatedOn().isBefore(from) && !e.evaluatedOn().isAfter(today)) {
                notAchieved.merge(e.domain(), 1, Integer::sum);
            }
        }
        Set<SupportDomain> domains = new TreeSet<>();
        notAchieved.forEach((domain, n) -> {
            if (n >= threshold) {
                domains.add(domain);
            }
        });
        return domains;
    }

    /** A pupil at LEVEL_4 for longer than {@code within} without an OPP in force. */
    public static boolean level4WithoutOpp(LocalDate level4Since, boolean oppInForce, LocalDate today, Period within) {
        return level4Since != null && !oppInForce && today.isAfter(level4Since.plus(within));
    }
}
