package nl.passend.platform.security;

/** The realm roles (Keycloak realm passend): what a caller may do at all; each service checks the object too. */
public final class Roles {
    public static final String TEACHER = "teacher";
    public static final String IB = "ib";
    public static final String DIRECTOR = "director";
    public static final String BOARD = "board";
    public static final String CARE_PROFESSIONAL = "care-professional";
    public static final String SWV_CONSULTANT = "swv-consultant";
    public static final String SWV_ANALYST = "swv-analyst";
    public static final String PARENT = "parent";
    public static final String SIS_CLIENT = "sis-client";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
