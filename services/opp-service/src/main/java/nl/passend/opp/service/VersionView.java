package nl.passend.opp.service;

import java.util.List;
import nl.passend.opp.domain.OppConsentDecision;
import nl.passend.opp.domain.OppEvaluation;
import nl.passend.opp.domain.OppVersion;
import nl.passend.opp.domain.OppView;

/** One version with everything recorded about it. */
public record VersionView(OppVersion version, List<OppEvaluation> evaluations, List<OppView> views,
        List<OppConsentDecision> decisions) {
}
