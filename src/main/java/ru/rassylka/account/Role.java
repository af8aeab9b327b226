package ru.rassylka.account;

/** The roles of an account; every account is a USER, some are also MANAGER or ADMIN. */
public enum Role {
    USER,
    MANAGER,
    ADMIN;

    /** The role names as constants, for annotations. */
    public static final class Names {
        public static final String USER = "USER";
        public static final String MANAGER = "MANAGER";
        public static final String ADMIN = "ADMIN";

        private Names() {}
    }
}
