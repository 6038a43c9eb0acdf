package nl.passend.consent.service;

import java.util.List;
import nl.passend.consent.domain.ConsentEntry;
import nl.passend.consent.domain.ConsentRequest;

/** A request with its ledger, in order of recording. */
public record RequestView(ConsentRequest request, List<ConsentEntry> entries) {
}
