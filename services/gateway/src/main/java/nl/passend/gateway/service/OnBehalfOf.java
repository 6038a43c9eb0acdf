package nl.passend.gateway.service;

/**
 * Whose read the gateway makes when it asks a service itself: the caller's own bearer token (so the service
 * decides and audits as for a direct call; the gateway adds no rights of its own) and the request's
 * correlation id.
 */
public record OnBehalfOf(String bearerToken, String correlationId) {
}
