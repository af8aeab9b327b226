package ru.rassylka.bounce;

/**
 * What a message in the bounce mailbox reports: its class, the recipient it is about, the
 * status code and diagnostic text, the token of the return path it came back to, the Message-ID
 * of the returned e-mail and what the reading used ({@code source}).
 */
public record BounceReport(BounceClass kind, String recipient, String statusCode, String diagnostic,
        String returnPathToken, String originalMessageId, String source) {}
