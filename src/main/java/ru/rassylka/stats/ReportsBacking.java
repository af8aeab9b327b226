package ru.rassylka.stats;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import ru.rassylka.account.ActiveUser;
import ru.rassylka.delivery.RunStatistics;
import ru.rassylka.delivery.Totals;
import ru.rassylka.delivery.UserTotals;
import ru.rassylka.platform.web.Pages;
import ru.rassylka.platform.web.SearchableLazyModel;

/**
 * Totals over mailings with sends per month: a user's own; a manager's over all users, or over
 * the user chosen by the {@code user} parameter, with the list of users.
 */
@Named
@ViewScoped
public class ReportsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private RunStatistics statistics;

    @Inject
    private ActiveUser activeUser;

    private Long user;
    private String userEmail;
    private boolean manager;
    private Totals totals;
    private List<PeriodCount> months;
    private String chart;
    private SearchableLazyModel<UserTotals> users;

    public void onLoad() {
        manager = statistics.isManager();
        if (manager && user != null) {
            userEmail = statistics.userEmail(user).orElse(null);
            if (userEmail == null) {
                Pages.notFound();
                return;
            }
        }
        Long scope = manager ? user : null;
        totals = statistics.userTotals(scope);
        months = Periods.months(statistics.userHours(scope), ZoneId.of(activeUser.timeZone()));
        chart = Charts.sentAndFailed(months);
        if (manager && user == null) {
            users = new SearchableLazyModel<>(
                    search -> statistics.countUsersWithRuns(),
                    (search, field, ascending, first, size) -> statistics.perUser(first, size),
                    UserTotals::userId);
        }
    }

    public Long getUser() {
        return user;
    }

    public void setUser(Long user) {
        this.user = user;
    }

    public String getUserEmail() {
        return userEmail;
    }

    public boolean isManager() {
        return manager;
    }

    public Totals getTotals() {
        return totals;
    }

    public List<PeriodCount> getMonths() {
        return months;
    }

    public String getChart() {
        return chart;
    }

    public SearchableLazyModel<UserTotals> getUsers() {
        return users;
    }
}
