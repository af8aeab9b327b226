package ru.rassylka.mailing;

/** How often a mailing repeats after its first send. */
public enum Periodicity {
    ONCE,
    DAILY,
    WEEKLY,
    MONTHLY
}
