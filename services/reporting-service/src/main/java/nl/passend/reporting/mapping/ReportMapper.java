package nl.passend.reporting.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.passend.events.codes.SchoolType;
import nl.passend.events.codes.SupportLevel;
import nl.passend.events.codes.TlvCategory;
import nl.passend.reporting.domain.SchoolRow;
import nl.passend.reporting.domain.Rates;
import nl.passend.reporting.domain.SchoolFigures;
import nl.passend.reporting.domain.SignalKind;

/**
 * Figures to rows. Written by hand rather than with MapStruct: a row is computed (rates, signal
 * counts, totals over schools), not copied field by field.
 */
@ApplicationScoped
public class ReportMapper {

    public SchoolRow row(SchoolFigures f, BigDecimal swvReferralRate) {
        return new SchoolRow(f.schoolCode(), f.schoolType(), f.boardCode(), f.swvCode(), f.pupils(), f.referralsSbo(),
                f.referralsSo(), f.schoolType() == SchoolType.BAO ? Rates.of(f.referrals(), f.pupils()) : null,
                swvReferralRate, f.levels(), f.activeOpps(), f.signals(SignalKind.OPP_NOT_ESTABLISHED_IN_TIME),
                f.signals(SignalKind.OPP_NOT_EVALUATED_IN_TIME), f.signals(SignalKind.LEVEL_4_WITHOUT_OPP),
                f.arrangementsActive(), f.arrangementsStarted(), f.tlvsRequested(), f.tlvsGranted(), f.tlvsRefused(),
                f.discussedThreeTimes(), f.signals(SignalKind.DISCUSSED_REPEATEDLY), f.botCases(), f.tlvWithoutPlace(),
                f.thuiszitters());
    }

    /** The sum of the schools' figures; the referral rate is that of their regular schools together. */
    public SchoolRow total(List<SchoolFigures> schools, String swvCode, BigDecimal swvReferralRate) {
        Map<SupportLevel, Integer> levels = new EnumMap<>(SupportLevel.class);
        Map<TlvCategory, Integer> granted = new EnumMap<>(TlvCategory.class);
        for (SupportLevel level : SupportLevel.values()) {
            levels.put(level, schools.stream().mapToInt(s -> s.levels().getOrDefault(level, 0)).sum());
        }
        for (TlvCategory category : TlvCategory.values()) {
            granted.put(category, schools.stream().mapToInt(s -> s.tlvsGranted().getOrDefault(category, 0)).sum());
        }
        return new SchoolRow(null, null, null, swvCode, sum(schools, SchoolFigures::pupils),
                sum(schools, SchoolFigures::referralsSbo), sum(schools, SchoolFigures::referralsSo),
                Rates.referralRate(schools), swvReferralRate, levels, sum(schools, SchoolFigures::activeOpps),
                sum(schools, s -> s.signals(SignalKind.OPP_NOT_ESTABLISHED_IN_TIME)),
                sum(schools, s -> s.signals(SignalKind.OPP_NOT_EVALUATED_IN_TIME)),
                sum(schools, s -> s.signals(SignalKind.LEVEL_4_WITHOUT_OPP)),
                sum(schools, SchoolFigures::arrangementsActive), sum(schools, SchoolFigures::arrangementsStarted),
                sum(schools, SchoolFigures::tlvsRequested), granted, sum(schools, SchoolFigures::tlvsRefused),
                sum(schools, SchoolFigures::discussedThreeTimes),
                sum(schools, s -> s.signals(SignalKind.DISCUSSED_REPEATEDLY)), sum(schools, SchoolFigures::botCases),
                sum(schools, SchoolFigures::tlvWithoutPlace), sum(schools, SchoolFigures::thuiszitters));
    }

    private static int sum(List<SchoolFigures> schools, java.util.function.ToIntFunction<SchoolFigures> figure) {
        return schools.stream().mapToInt(figure).sum();
    }
}
