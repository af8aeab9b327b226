package ru.rassylka.mail;

/**
 * A report the development mailbox sent back for an e-mail to a reserved test domain
 * ({@link TestDomainReports}): its bytes, as a bounce mailbox would hold them, and the recipient
 * it is about. Fired as a CDI event; the bounce path reads and records it.
 */
public record ReturnedReport(byte[] raw, String recipient) {}
