package nl.passend.opp.service;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.OppStatus;
import nl.passend.opp.domain.OppPlan;
import nl.passend.opp.domain.OppVersion;
import nl.passend.opp.domain.OppView;
import nl.passend.opp.domain.PlanContent;
import nl.passend.opp.domain.PlanContent.Goal;
import nl.passend.opp.domain.ViewKind;
import nl.passend.platform.time.Clocks;
import nl.passend.opp.service.PlanView;

/**
 * The current version of a plan as a readable PDF for parents, in Dutch: perspective, action part,
 * goals, the pupil's and parents' views, and where consent and establishment stand. opp-service
 * holds no names: the pupil is named by id, as the parents' app shows it beside the child's name.
 */
@ApplicationScoped
public class OppPdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13);
    private static final Font LABEL = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 10);

    public byte[] render(PlanView view) {
        OppVersion version = view.current().version();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 50, 50, 50, 50);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Ontwikkelingsperspectiefplan");
            document.open();
            document.add(new Paragraph("Ontwikkelingsperspectiefplan (OPP)", TITLE));
            header(document, view.plan(), version);
            perspective(document, version);
            actionPart(document, version.content.actionPart());
            heading(document, "Doelen");
            document.add(goals(version.content.goals()));
            views(document, view.current().views());
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot render the OPP as PDF", e);
        }
        return out.toByteArray();
    }

    private void header(Document document, OppPlan plan, OppVersion version) throws DocumentException {
        field(document, "Leerling", plan.pupilId.toString());
        field(document, "School", plan.schoolCode);
        field(document, "Versie", version.number + " — " + status(version.status));
        field(document, "Instemming ouders", consent(version));
        if (version.establishedAt != null) {
            field(document, "Vastgesteld", DATE.format(version.establishedAt.atZone(Clocks.NL))
                    + " door de directeur namens het bevoegd gezag");
        }
    }

    private void perspective(Document document, OppVersion version) throws DocumentException {
        heading(document, "Perspectief");
        PlanContent.Perspective perspective = version.content.perspective();
        field(document, "Verwachte uitstroombestemming", perspective.expectedDestination().name().replace('_', ' '));
        if (version.destinationDecidedOn != null) {
            field(document, "Besluit commissie van begeleiding",
                    DATE.format(version.destinationDecidedOn) + " (" + version.destinationDecisionRef + ")");
        }
        field(document, "Onderbouwing", perspective.rationale());
        list(document, "Bevorderende factoren", perspective.supportingFactors());
        list(document, "Belemmerende factoren", perspective.hinderingFactors());
        if (perspective.agreementDialogue() != null) {
            field(document, "Overleg met ouders (OOGO)", DATE.format(perspective.agreementDialogue().date()) + ": "
                    + perspective.agreementDialogue().summary());
        }
    }

    private void actionPart(Document document, PlanContent.ActionPart action) throws DocumentException {
        heading(document, "Handelingsdeel");
        field(document, "Ondersteuning en begeleiding", action.support());
        field(document, "Afwijkingen van het onderwijsprogramma", action.deviations());
        for (PlanContent.Task task : action.tasks()) {
            field(document, "Wie doet wat", task.who() + ": " + task.what() + " — waarom: " + task.why()
                    + "; hoe: " + task.how() + "; wanneer: " + task.when());
        }
        for (PlanContent.Scenario scenario : action.scenarios()) {
            field(document, "Scenario", scenario.description() + " (tijdpad: " + scenario.timePath()
                    + "; effect zichtbaar uiterlijk " + DATE.format(scenario.effectVisibleBy()) + ")");
        }
        PlanContent.ArrangementSpecification spec = action.arrangement();
        field(document, "Instructiebehoeften", spec.instructionNeeds());
        field(document, "Opdrachten", spec.tasks());
        field(document, "Materialen", spec.materials());
        field(document, "Leeromgeving", spec.learningEnvironment());
        field(document, "Leeractiviteiten", spec.learningActivities());
        field(document, "Begeleiding en feedback", spec.guidanceAndFeedback());
        field(document, "Samenwerking met klasgenoten", spec.cooperationWithClassmates());
        field(document, "Situaties die gedragsondersteuning vragen", spec.behaviouralSupportSituations());
    }

    private void views(Document document, List<OppView> views) throws DocumentException {
        heading(document, "Zienswijzen (hoorrecht)");
        if (views.isEmpty()) {
            document.add(new Paragraph("Nog geen zienswijze vastgelegd.", TEXT));
        }
        for (OppView v : views) {
            field(document, v.kind == ViewKind.PUPIL ? "Zienswijze van de leerling" : "Zienswijze van de ouders", v.text);
        }
    }

    private static PdfPTable goals(List<Goal> goals) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[] {2, 2, 5, 4, 2, 1.4f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        for (String h : List.of("Soort", "Domein", "Doel", "Meetbaar aan", "Streefdatum", "Niveau")) {
            table.addCell(cell(h, LABEL));
        }
        for (Goal g : goals) {
            table.addCell(cell(g.kind() == PlanContent.GoalKind.FINAL ? "Einddoel" : "Tussendoel", TEXT));
            table.addCell(cell(g.domain().name().replace('_', ' ').toLowerCase(Locale.ROOT), TEXT));
            table.addCell(cell(g.description(), TEXT));
            table.addCell(cell(g.measure(), TEXT));
            table.addCell(cell(DATE.format(g.targetDate()), TEXT));
            table.addCell(cell(g.referenceLevel() == null ? "" : g.referenceLevel().code(), TEXT));
        }
        return table;
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Paragraph(text, font));
        cell.setPadding(3);
        cell.setVerticalAlignment(Element.ALIGN_TOP);
        return cell;
    }

    private static void heading(Document document, String text) throws DocumentException {
        Paragraph p = new Paragraph(text, HEADING);
        p.setSpacingBefore(12);
        p.setSpacingAfter(4);
        document.add(p);
    }

    private static void field(Document document, String label, String value) throws DocumentException {
        if (value == null || value.isBlank()) {
            return;
        }
        Paragraph p = new Paragraph();
        p.add(new Chunk(label + ": ", LABEL));
        p.add(new Chunk(value, TEXT));
        p.setSpacingAfter(2);
        document.add(p);
    }

    private static void list(Document document, String label, List<String> items) throws DocumentException {
        if (items == null || items.isEmpty()) {
            return;
        }
        document.add(new Paragraph(label + ":", LABEL));
        for (String item : items) {
            document.add(new Paragraph("• " + item, TEXT));
        }
    }

    private static String status(OppStatus status) {
        return switch (status) {
            case DRAFT -> "concept";
            case IN_DIALOGUE -> "in overleg met ouders";
            case CONSENTED -> "ouders hebben ingestemd";
            case ESTABLISHED -> "vastgesteld";
            case EVALUATED -> "vastgesteld en geëvalueerd";
            case CLOSED -> "afgesloten";
        };
    }

    private static String consent(OppVersion version) {
        if (version.consentRequestId == null) {
            return "nog niet gevraagd";
        }
        ConsentOutcome outcome = version.consentOutcome;
        String when = version.consentOutcomeOn == null ? "" : " op " + DATE.format(version.consentOutcomeOn);
        if (outcome == null) {
            return "gevraagd, nog geen besluit";
        }
        return switch (outcome) {
            case GRANTED -> "gegeven" + when;
            case REFUSED -> "geweigerd" + when + "; het gesprek gaat verder";
            case WITHDRAWN -> "ingetrokken" + when;
            case EXPIRED -> "verlopen zonder antwoord" + when;
            case OPEN -> "gevraagd, nog geen besluit";
        };
    }
}
