package ru.rassylka.account;

import ru.rassylka.platform.i18n.Language;

/** What a visitor types to open an account. */
public record Registration(
        String email, String password, String fullName, String phone, String city, Language language) {}
