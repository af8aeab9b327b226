package ru.rassylka.home;

import java.io.Serializable;

/** The figures of the home page: all mailings, the active ones, and distinct client addresses. */
public record HomeFigures(long mailings, long activeMailings, long uniqueClients) implements Serializable {}
