package nl.passend.opp.service;

import java.util.List;
import nl.passend.opp.domain.OppDocument;
import nl.passend.opp.domain.OppPlan;
import nl.passend.opp.domain.OppVersion;

/** A plan with its versions and documents, and the role it was read under. */
public record PlanView(OppPlan plan, List<OppVersion> versions, List<OppDocument> documents, VersionView current,
        String role) {
}
