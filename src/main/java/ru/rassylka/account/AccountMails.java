package ru.rassylka.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import ru.rassylka.mail.OutgoingMail;
import ru.rassylka.platform.Settings;
import ru.rassylka.platform.i18n.Language;

/** The texts of the account e-mails, in the recipient's language. */
@ApplicationScoped
public class AccountMails {

    @Inject
    private Settings settings;

    OutgoingMail verification(User user, String secret) {
        return mail(user.getEmail(), user.getLanguage(), "mail.verify", user.getDisplayName(), link("/verify", secret));
    }

    /** A later verification link, whose page asks the opener to choose the password. */
    OutgoingMail verificationChoosingPassword(User user, String secret) {
        return mail(
                user.getEmail(),
                user.getLanguage(),
                "mail.verifyChoosing",
                user.getDisplayName(),
                link("/verify", secret));
    }

    OutgoingMail alreadyRegistered(User user) {
        return mail(
                user.getEmail(),
                user.getLanguage(),
                "mail.alreadyRegistered",
                user.getDisplayName(),
                settings.baseUrl() + "/login",
                settings.baseUrl() + "/password-reset");
    }

    OutgoingMail passwordReset(User user, String secret) {
        return mail(
                user.getEmail(),
                user.getLanguage(),
                "mail.reset",
                user.getDisplayName(),
                link("/password-reset", secret));
    }

    private String link(String path, String secret) {
        return settings.baseUrl() + path + "?token=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    }

    private static OutgoingMail mail(String to, Language language, String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", language.locale());
        String text = new MessageFormat(bundle.getString(key + ".text"), language.locale()).format(arguments);
        return OutgoingMail.plain(to, bundle.getString(key + ".subject"), text);
    }
}
