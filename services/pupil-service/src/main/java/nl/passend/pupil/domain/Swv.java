package nl.passend.pupil.domain;

import jakarta.persistence.Entity;

/** A samenwerkingsverband passend onderwijs, identified by its code (e.g. PO2701). */
@Entity
public class Swv extends Organisation {
}
