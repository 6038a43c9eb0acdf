package nl.passend.opp.service;

import nl.passend.opp.domain.DestinationDecision;
import nl.passend.opp.domain.PlanContent;

/** A version's content as the authors send it, with the commissie van begeleiding's decision when the destination changes. */
public record Draft(PlanContent content, DestinationDecision destinationDecision) {
}
