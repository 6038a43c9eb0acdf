package nl.passend.opp.domain;

/** Why a plan needs the IB'er's attention. */
public enum Attention {
    /** The parents withdrew their consent to the action part of the version in force. */
    CONSENT_WITHDRAWN
}
