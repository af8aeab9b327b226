package ru.rassylka.delivery;

import java.util.List;
import java.util.Map;

/** Bounces and complaints reported for a run or a mailing; a refusal of an unknown address during the send counts as a hard bounce. */
public record BounceTotals(long hard, long soft, long complaints) {

    /** From the counts by kind. */
    static BounceTotals of(List<Map.Entry<String, Long>> counts) {
        long hard = 0;
        long soft = 0;
        long complaints = 0;
        for (Map.Entry<String, Long> kind : counts) {
            long count = kind.getValue();
            switch (String.valueOf(kind.getKey())) {
                case "HARD" -> hard += count;
                case "SOFT" -> soft += count;
                case "COMPLAINT" -> complaints += count;
                default -> {}
            }
        }
        return new BounceTotals(hard, soft, complaints);
    }
}
