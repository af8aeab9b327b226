package ru.rassylka.platform.signing;

/** A signing key and where it comes from, as the start logs it: {@code "of SETTING"} or {@code "stored in the database"}. */
public record SigningKey(byte[] secret, String origin) {}
