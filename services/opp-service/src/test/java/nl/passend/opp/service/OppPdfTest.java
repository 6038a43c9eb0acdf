package nl.passend.opp.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ExpectedDestination;
import nl.passend.events.codes.OppStatus;
import nl.passend.opp.Fixtures;
import nl.passend.opp.domain.OppPlan;
import nl.passend.opp.domain.OppVersion;
import nl.passend.opp.domain.OppView;
import nl.passend.opp.domain.PlanContent;
import nl.passend.opp.domain.PlanContent.ActionPart;
import nl.passend.opp.domain.PlanContent.AgreementDialogue;
import nl.passend.opp.domain.PlanContent.ArrangementSpecification;
import nl.passend.opp.domain.PlanContent.Goal;
import nl.passend.opp.domain.PlanContent.GoalDomain;
import nl.passend.opp.domain.PlanContent.GoalKind;
import nl.passend.opp.domain.PlanContent.Perspective;
import nl.passend.opp.domain.PlanContent.ReferenceLevel;
import nl.passend.opp.domain.PlanContent.Scenario;
import nl.passend.opp.domain.PlanContent.Task;
import nl.passend.opp.domain.ViewKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The plan for parents as a PDF, rendered from hand-built entities and read back with OpenPDF's text extractor. */
class OppPdfTest {

    private static final UUID PUPIL = UUID.fromString("6f1c2b3a-0000-4000-8000-000000000001");
    private static final String RATIONALE = "Rekent op niveau eind groep 4; leest vlot en begrijpt korte teksten.";

    private static PlanContent content(List<Goal> goals) {
        Perspective perspective = new Perspective(ExpectedDestination.VMBO_KB, RATIONALE,
                List.of("gemotiveerd", "steun thuis"), List.of("werkgeheugen"),
                new AgreementDialogue(LocalDate.of(2026, 2, 20), "Perspectief besproken; ouders herkennen het beeld."));
        ActionPart action = new ActionPart("Dagelijks verlengde instructie rekenen.", "Eigen leerlijn rekenen vanaf groep 5.",
                List.of(new Task("leerkracht", "verlengde instructie", "automatiseren", "met concreet materiaal",
                        "dagelijks 20 minuten")),
                List.of(new Scenario("Bij onvoldoende groei inzet van het BOT", "na 12 weken", LocalDate.of(2026, 6, 1))),
                new ArrangementSpecification("korte instructie, visueel ondersteund", "kleine opdrachten", "MAB-materiaal",
                        "rustige werkplek", "rekenspellen", "dagelijkse feedback", "maatjeswerk", "overgangen tussen lessen"));
        return new PlanContent(perspective, action, goals);
    }

    private static List<Goal> twoGoals() {
        return List.of(
                new Goal(UUID.randomUUID(), GoalKind.INTERIM, GoalDomain.MATHS, "Tafels tot 10", "Toets 90% goed",
                        LocalDate.of(2026, 7, 1), ReferenceLevel.LEVEL_1F),
                new Goal(UUID.randomUUID(), GoalKind.FINAL, GoalDomain.SOCIAL_EMOTIONAL, "Vraagt om hulp",
                        "Observatie", LocalDate.of(2026, 12, 1), null));
    }

    private static OppPlan plan(OppStatus status) {
        OppPlan plan = new OppPlan();
        plan.id = UUID.randomUUID();
        plan.pupilId = PUPIL;
        plan.schoolCode = "12AB34";
        plan.currentVersion = 1;
        plan.status = status;
        return plan;
    }

    private static OppVersion version(OppStatus status, PlanContent content) {
        OppVersion version = new OppVersion();
        version.id = UUID.randomUUID();
        version.number = 1;
        version.status = status;
        version.content = content;
        version.expectedDestination = content.perspective().expectedDestination();
        return version;
    }

    private static OppView view(ViewKind kind, String text) {
        OppView view = new OppView();
        view.id = UUID.randomUUID();
        view.kind = kind;
        view.text = text;
        return view;
    }

    private static String render(OppPlan plan, OppVersion version, List<OppView> views) {
        byte[] pdf = new OppPdf().render(new PlanView(plan, List.of(version), List.of(),
                new VersionView(version, List.of(), views, List.of()), "parent"));
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        return Fixtures.pdfText(pdf);
    }

    @Test
    void anEstablishedPlanShowsEveryPartConsentAndEstablishment() {
        OppPlan plan = plan(OppStatus.ESTABLISHED);
        OppVersion version = version(OppStatus.ESTABLISHED, content(twoGoals()));
        version.consentRequestId = UUID.randomUUID();
        version.consentOutcome = ConsentOutcome.GRANTED;
        version.consentOutcomeOn = LocalDate.of(2026, 3, 2);
        version.establishedAt = ZonedDateTime.of(2026, 3, 5, 10, 0, 0, 0, ZoneId.of("Europe/Amsterdam")).toInstant();
        version.destinationDecidedOn = LocalDate.of(2026, 2, 27);
        version.destinationDecisionRef = "CvB-2026-14";

        String text = render(plan, version, List.of(view(ViewKind.PUPIL, "Ik wil graag beter leren rekenen."),
                view(ViewKind.PARENTS, "Wij steunen dit plan.")));

        assertThat(text).contains("Ontwikkelingsperspectiefplan (OPP)")
                .contains("Leerling: " + PUPIL)
                .contains("School: 12AB34")
                .contains("Versie: 1 — vastgesteld")
                .contains("Instemming ouders: gegeven op 2 maart 2026")
                .contains("Vastgesteld: 5 maart 2026 door de directeur namens het bevoegd gezag");
        // the perspective: destination, rationale, factors, the OOGO, the commissie's decision
        assertThat(text).contains("Perspectief")
                .contains("Verwachte uitstroombestemming: VMBO KB")
                .contains("Besluit commissie van begeleiding: 27 februari 2026 (CvB-2026-14)")
                .contains("Onderbouwing: " + RATIONALE)
                .contains("Bevorderende factoren: • gemotiveerd • steun thuis")
                .contains("Belemmerende factoren: • werkgeheugen")
                .contains("Overleg met ouders (OOGO): 20 februari 2026: Perspectief besproken; ouders herkennen het beeld.");
        // the action part: support, deviations, who does what, scenarios, the arrangement's specification
        assertThat(text).contains("Handelingsdeel")
                .contains("Ondersteuning en begeleiding: Dagelijks verlengde instructie rekenen.")
                .contains("Afwijkingen van het onderwijsprogramma: Eigen leerlijn rekenen vanaf groep 5.")
                .contains("Wie doet wat: leerkracht: verlengde instructie — waarom: automatiseren; hoe: met concreet"
                        + " materiaal; wanneer: dagelijks 20 minuten")
                .contains("Scenario: Bij onvoldoende groei inzet van het BOT (tijdpad: na 12 weken; effect zichtbaar"
                        + " uiterlijk 1 juni 2026)")
                .contains("Instructiebehoeften: korte instructie, visueel ondersteund")
                .contains("Opdrachten: kleine opdrachten")
                .contains("Materialen: MAB-materiaal")
                .contains("Leeromgeving: rustige werkplek")
                .contains("Leeractiviteiten: rekenspellen")
                .contains("Begeleiding en feedback: dagelijkse feedback")
                .contains("Samenwerking met klasgenoten: maatjeswerk")
                .contains("Situaties die gedragsondersteuning vragen: overgangen tussen lessen");
        // the goals, the maths goal with its reference level
        assertThat(text).contains("Doelen").contains("Niveau")
                .contains("Tussendoel").contains("maths").contains("Tafels tot 10").contains("Toets 90% goed")
                .contains("1 juli 2026").contains("1F")
                .contains("Einddoel").contains("social emotional").contains("Vraagt om hulp");
        assertThat(text).doesNotContain("2F").doesNotContain("1S");
        // hoorrecht
        assertThat(text).contains("Zienswijzen (hoorrecht)")
                .contains("Zienswijze van de leerling: Ik wil graag beter leren rekenen.")
                .contains("Zienswijze van de ouders: Wij steunen dit plan.")
                .doesNotContain("Nog geen zienswijze vastgelegd.");
    }

    @Test
    void aDraftSaysConsentWasNotAskedAndNoViewWasRecorded() {
        OppVersion version = version(OppStatus.DRAFT, content(twoGoals()));
        String text = render(plan(OppStatus.DRAFT), version, List.of());
        assertThat(text).contains("Versie: 1 — concept")
                .contains("Instemming ouders: nog niet gevraagd")
                .contains("Nog geen zienswijze vastgelegd.")
                .doesNotContain("Vastgesteld:")
                .doesNotContain("Besluit commissie van begeleiding");
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
        "IN_DIALOGUE | OPEN      | in overleg met ouders      | gevraagd, nog geen besluit",
        "IN_DIALOGUE | REFUSED   | in overleg met ouders      | geweigerd op 2 maart 2026; het gesprek gaat verder",
        "IN_DIALOGUE | EXPIRED   | in overleg met ouders      | verlopen zonder antwoord op 2 maart 2026",
        "IN_DIALOGUE | WITHDRAWN | in overleg met ouders      | ingetrokken op 2 maart 2026",
        "CONSENTED   | GRANTED   | ouders hebben ingestemd    | gegeven op 2 maart 2026",
        "EVALUATED   | GRANTED   | vastgesteld en geëvalueerd | gegeven op 2 maart 2026",
        "ESTABLISHED | WITHDRAWN | vastgesteld                | ingetrokken op 2 maart 2026",
        "CLOSED      | GRANTED   | afgesloten                 | gegeven op 2 maart 2026"})
    void statusAndConsentInWords(OppStatus status, ConsentOutcome outcome, String statusText, String consentText) {
        OppVersion version = version(status, content(twoGoals()));
        version.consentRequestId = UUID.randomUUID();
        if (outcome != ConsentOutcome.OPEN) {
            version.consentOutcome = outcome;
            version.consentOutcomeOn = LocalDate.of(2026, 3, 2);
        }
        String text = render(plan(status), version, List.of());
        assertThat(text).contains("Versie: 1 — " + statusText + " Instemming ouders: " + consentText);
    }

    @Test
    void aRequestWithoutADecisionYet() {
        OppVersion version = version(OppStatus.IN_DIALOGUE, content(twoGoals()));
        version.consentRequestId = UUID.randomUUID();
        assertThat(render(plan(OppStatus.IN_DIALOGUE), version, List.of()))
                .contains("Instemming ouders: gevraagd, nog geen besluit");
    }

    @Test
    void aLongPlanRunsOverPagesWithNothingLeftOut() throws IOException {
        List<Goal> goals = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            goals.add(new Goal(UUID.randomUUID(), GoalKind.INTERIM, GoalDomain.SPELLING, "Spellingdoel nummer " + i,
                    "Dictee " + i, LocalDate.of(2026, 7, 1), ReferenceLevel.LEVEL_2F));
        }
        OppVersion version = version(OppStatus.DRAFT, content(goals));
        byte[] pdf = new OppPdf().render(new PlanView(plan(OppStatus.DRAFT), List.of(version), List.of(),
                new VersionView(version, List.of(), List.of(view(ViewKind.PUPIL, "Laatste woord van de leerling.")),
                        List.of()), "ib"));
        PdfReader reader = new PdfReader(pdf);
        try {
            int pages = reader.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            // the views come after the goals table: on its last page
            String lastPage = new PdfTextExtractor(reader).getTextFromPage(pages).replaceAll("\\s+", " ");
            assertThat(lastPage).contains("Zienswijze van de leerling: Laatste woord van de leerling.");
        } finally {
            reader.close();
        }
        // every goal is there (table cells are extracted without a space between them)
        Matcher numbers = Pattern.compile("Spellingdoel nummer (\\d+)").matcher(Fixtures.pdfText(pdf));
        Set<Integer> found = new TreeSet<>();
        while (numbers.find()) {
            found.add(Integer.parseInt(numbers.group(1)));
        }
        assertThat(found).containsExactlyElementsOf(IntStream.rangeClosed(1, 40).boxed().toList());
    }
}
