package ru.rassylka.account;

import ru.rassylka.platform.i18n.Language;

/** The fields of the profile a user may change. */
public record ProfileChange(String fullName, String phone, String city, Language language, String timeZone) {}
