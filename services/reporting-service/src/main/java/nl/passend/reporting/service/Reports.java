package nl.passend.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.passend.events.codes.SchoolType;
import nl.passend.reporting.config.ReportingConfig;
import nl.passend.reporting.domain.BoardReport;
import nl.passend.reporting.domain.CountDate;
import nl.passend.reporting.domain.Participation;
import nl.passend.reporting.domain.Rates;
import nl.passend.reporting.domain.Referrals;
import nl.passend.reporting.domain.RiskSignal;
import nl.passend.reporting.domain.SchoolFigures;
import nl.passend.reporting.domain.SchoolReport;
import nl.passend.reporting.domain.SchoolRow;
import nl.passend.reporting.domain.SchoolYear;
import nl.passend.reporting.domain.SignalRules;
import nl.passend.reporting.domain.SwvAverage;
import nl.passend.reporting.domain.SwvReport;
import nl.passend.reporting.domain.Trend;
import nl.passend.reporting.domain.TrendYear;
import nl.passend.reporting.mapping.ReportMapper;
import nl.passend.reporting.persistence.FigureQueries;
import nl.passend.reporting.persistence.FigureQueries.School;

/** The reports per SWV, board and school, each after the caller's access is checked. */
@ApplicationScoped
@Transactional
public class Reports {

    @Inject
    ReportAccess access;

    @Inject
    FigureQueries queries;

    @Inject
    ReportMapper mapper;

    @Inject
    ReportingConfig config;

    public SwvReport swv(String swvCode, SchoolYear year, CountDate countDate) {
        return swvReport(swvCode, access.swv(swvCode), year, countDate);
    }

    /** The SWV's report without an access check: for a publication whose caller was checked already. */
    SwvReport swvReport(String swvCode, List<School> schools, SchoolYear year, CountDate countDate) {
        LocalDate on = countDate.in(year);
        List<SchoolFigures> figures = figures(schools, year, on);
        BigDecimal swvRate = Rates.referralRate(figures);
        List<SchoolFigures> regular = figures.stream().filter(f -> f.schoolType() == SchoolType.BAO).toList();
        Referrals referrals = new Referrals(regular.stream().mapToInt(SchoolFigures::pupils).sum(),
                regular.stream().mapToInt(SchoolFigures::referralsSbo).sum(),
                regular.stream().mapToInt(SchoolFigures::referralsSo).sum(), swvRate, config.national().referralRate());
        return new SwvReport(swvCode, year.toString(), countDate, on, participation(swvCode, on), referrals,
                mapper.total(figures, swvCode, swvRate), rows(figures, swvRate), rules().signals(figures, figures));
    }

    public BoardReport board(String boardCode, SchoolYear year, CountDate countDate) {
        List<School> schools = access.board(boardCode);
        LocalDate on = countDate.in(year);
        Set<String> swvs = new LinkedHashSet<>();
        schools.forEach(s -> swvs.add(s.swvCode()));
        List<SchoolRow> rows = new ArrayList<>();
        List<SwvAverage> averages = new ArrayList<>();
        List<RiskSignal> signals = new ArrayList<>();
        for (String swv : swvs) {
            List<SchoolFigures> swvFigures = figures(queries.schoolsOfSwv(swv), year, on);
            BigDecimal swvRate = Rates.referralRate(swvFigures);
            averages.add(new SwvAverage(swv, swvRate));
            List<SchoolFigures> own = swvFigures.stream()
                    .filter(f -> schools.stream().anyMatch(s -> s.schoolCode().equals(f.schoolCode()))).toList();
            rows.addAll(rows(own, swvRate));
            signals.addAll(rules().signals(own, swvFigures));
        }
        return new BoardReport(boardCode, year.toString(), countDate, on, rows, averages,
                config.national().referralRate(), signals);
    }

    public SchoolReport school(String schoolCode, SchoolYear year, CountDate countDate) {
        School school = access.school(schoolCode);
        LocalDate on = countDate.in(year);
        List<SchoolFigures> swvFigures = school.swvCode() == null ? List.of()
                : figures(queries.schoolsOfSwv(school.swvCode()), year, on);
        SchoolFigures own = swvFigures.stream().filter(f -> f.schoolCode().equals(schoolCode)).findFirst()
                .orElseGet(() -> figures(List.of(school), year, on).get(0));
        BigDecimal swvRate = Rates.referralRate(swvFigures);
        return new SchoolReport(year.toString(), countDate, on, mapper.row(own, swvRate), swvRate,
                config.national().referralRate(), rules().signals(List.of(own), swvFigures.isEmpty() ? List.of(own) : swvFigures));
    }

    /** The SWV's referral rate and participation on the count date of each school year up to {@code year}. */
    public Trend trend(String swvCode, SchoolYear year, CountDate countDate) {
        List<School> schools = access.swv(swvCode);
        List<School> regular = schools.stream().filter(s -> s.schoolType() == SchoolType.BAO).toList();
        List<TrendYear> years = new ArrayList<>();
        for (int back = config.trendYears() - 1; back >= 0; back--) {
            SchoolYear y = year.minus(back);
            LocalDate on = countDate.in(y);
            List<SchoolFigures> figures = queries.figures(regular, y, on, 1);
            int pupils = figures.stream().mapToInt(SchoolFigures::pupils).sum();
            int referrals = figures.stream().mapToInt(SchoolFigures::referrals).sum();
            Participation participation = participation(swvCode, on);
            years.add(new TrendYear(y.toString(), on, pupils, referrals, Rates.of(referrals, pupils),
                    participation.sboRate(), participation.soRate()));
        }
        return new Trend(swvCode, countDate, config.national().referralRate(), years);
    }

    public Participation participation(String swvCode, SchoolYear year, CountDate countDate) {
        access.swv(swvCode);
        return participation(swvCode, countDate.in(year));
    }

    private Participation participation(String swvCode, LocalDate on) {
        FigureQueries.Participation p = queries.participation(swvCode, on);
        int base = p.bao() + p.sbo();
        return new Participation(p.bao(), p.sbo(), p.so(), p.soWithoutKnownTlv(), Rates.of(p.sbo(), base),
                Rates.of(p.so(), base), config.national().sboParticipation(), config.national().soParticipation());
    }

    private List<SchoolFigures> figures(List<School> schools, SchoolYear year, LocalDate on) {
        return queries.figures(schools, year, on, config.signals().neverRefersYears());
    }

    private List<SchoolRow> rows(List<SchoolFigures> figures, BigDecimal swvRate) {
        return figures.stream().map(f -> mapper.row(f, swvRate)).toList();
    }

    private SignalRules rules() {
        ReportingConfig.Signals s = config.signals();
        return new SignalRules(new SignalRules.Thresholds(s.referralFactor(), s.minReferrals(), s.neverRefersYears(),
                s.callsFactor(), s.minCalls(), config.national().referralRate()));
    }
}
