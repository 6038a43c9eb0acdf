package nl.passend.consent.service;

import java.util.UUID;
import nl.passend.consent.domain.Channel;
import nl.passend.consent.domain.EntryKind;

/**
 * What a guardian says on a request: consent given, refused, or withdrawn. A parent says it for
 * themselves (guardian and channel may be null); the IB'er records it for a named guardian, with
 * the channel it came by.
 */
public record Statement(EntryKind kind, UUID guardianId, Channel channel) {
}
