package ru.rassylka.delivery;

/** Attempts of a run that got one SMTP reply code (0: none, e.g. the connection failed). */
public record ReplyCount(int code, long attempts) {}
