package ru.rassylka.delivery;

import java.util.List;

/** Bounces and complaints reported for a run or a mailing; a refusal of an unknown address during the send counts as a hard bounce. */
public record BounceTotals(long hard, long soft, long complaints) {

    /** From rows of (kind, count). */
    static BounceTotals of(List<Object[]> rows) {
        long hard = 0;
        long soft = 0;
        long complaints = 0;
        for (Object[] row : rows) {
            long count = ((Number) row[1]).longValue();
            switch (String.valueOf(row[0])) {
                case "HARD" -> hard += count;
                case "SOFT" -> soft += count;
                case "COMPLAINT" -> complaints += count;
                default -> { }
            }
        }
        return new BounceTotals(hard, soft, complaints);
    }
}
