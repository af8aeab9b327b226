package ru.rassylka.platform.web;

import java.io.Serializable;

/**
 * A page as rendered for anonymous visitors: its HTML and the script policy PrimeFaces sent with
 * it, both with the script nonce replaced by {@link #NONCE}, so every answer gets a fresh one.
 */
record CachedPage(String contentType, String policy, String body) implements Serializable {

    static final String NONCE = "\u0000nonce\u0000";
}
