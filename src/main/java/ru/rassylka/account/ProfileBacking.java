package ru.rassylka.account;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import ru.rassylka.platform.i18n.ActiveLanguage;
import ru.rassylka.platform.i18n.Language;
import ru.rassylka.platform.web.Pages;

/** The profile page: personal data, language, time zone and the password. */
@Named
@ViewScoped
public class ProfileBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.matches("(Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
            .sorted()
            .toList();

    @Inject
    private Accounts accounts;

    @Inject
    private ActiveLanguage activeLanguage;

    private String email;

    // the personal fields are the account entity's own, so that they carry its constraints; a copy,
    // so that the account of the request stays as stored until the service saves
    private final User profile = new User();
    private String currentPassword;
    private String newPassword;
    private String newPasswordRepeat;

    public void onLoad() {
        if (email == null) {
            User user = accounts.getCurrent();
            email = user.getEmail();
            profile.setFullName(user.getFullName());
            profile.setPhone(user.getPhone());
            profile.setCity(user.getCity());
            profile.setLanguage(user.getLanguage());
            profile.setTimeZone(user.getTimeZone());
        }
    }

    /** Saves and shows the page again by a redirect, so the header greets with the new name. */
    public String save() {
        if (!ZONES.contains(profile.getTimeZone())) {
            Pages.error("profile.unknownTimeZone");
            return null;
        }
        accounts.updateProfile(new ProfileChange(
                profile.getFullName(),
                profile.getPhone(),
                profile.getCity(),
                profile.getLanguage(),
                profile.getTimeZone()));
        activeLanguage.adopt(profile.getLanguage());
        Pages.info("profile.saved");
        return "/profile/index?faces-redirect=true";
    }

    public void changePassword() {
        if (!Objects.equals(newPassword, newPasswordRepeat)) {
            Pages.error("password.mismatch");
            return;
        }
        try {
            User user = accounts.changePassword(currentPassword, newPassword);
            SessionEpoch.keep(
                    (HttpSession) FacesContext.getCurrentInstance()
                            .getExternalContext()
                            .getSession(true),
                    user);
            Pages.info("profile.passwordChanged");
        } finally {
            currentPassword = null;
            newPassword = null;
            newPasswordRepeat = null;
        }
    }

    public List<String> getZones() {
        return ZONES;
    }

    public Language[] getLanguages() {
        return Language.values();
    }

    public String getEmail() {
        return email;
    }

    public User getProfile() {
        return profile;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getNewPasswordRepeat() {
        return newPasswordRepeat;
    }

    public void setNewPasswordRepeat(String newPasswordRepeat) {
        this.newPasswordRepeat = newPasswordRepeat;
    }
}
