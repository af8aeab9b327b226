package ru.rassylka.stats;

import java.util.List;
import ru.rassylka.delivery.ReplyCount;
import ru.rassylka.platform.web.Pages;

/** The charts of statistics pages as Chart.js configurations, with labels in the page's language. */
final class Charts {

    static final String SENT_COLOR = "#22c55e";
    static final String FAILED_COLOR = "#ef4444";
    static final String ATTEMPTS_COLOR = "#3b82f6";

    private Charts() {}

    /** Sent and failed per period, stacked. */
    static String sentAndFailed(List<PeriodCount> periods) {
        return ChartJson.bar(
                periods.stream().map(PeriodCount::period).toList(),
                List.of(
                        new ChartJson.Series(
                                Pages.text("stats.sent"),
                                SENT_COLOR,
                                periods.stream().map(PeriodCount::sent).toList()),
                        new ChartJson.Series(
                                Pages.text("stats.failed"),
                                FAILED_COLOR,
                                periods.stream().map(PeriodCount::failed).toList())),
                true);
    }

    /** Attempts per SMTP reply code ("—" for none). */
    static String replyCodes(List<ReplyCount> codes) {
        return ChartJson.bar(
                codes.stream()
                        .map(code -> code.code() == 0 ? "—" : String.valueOf(code.code()))
                        .toList(),
                List.of(new ChartJson.Series(
                        Pages.text("stats.attempts"),
                        ATTEMPTS_COLOR,
                        codes.stream().map(ReplyCount::attempts).toList())),
                false);
    }
}
