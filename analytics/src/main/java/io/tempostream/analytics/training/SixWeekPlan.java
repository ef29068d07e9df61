package io.tempostream.analytics.training;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The six-week mid-back progression: weeks 1–2 activation work (3 × 12–15 face pulls and
 * Y-raises), weeks 3–4 rows at a 3-1-3 tempo (3 × 8–10), weeks 5–6 heavier rows and a 20-rep
 * burnout set. Weeks run Monday to Sunday; week 1 is the one the plan starts in.
 */
public final class SixWeekPlan {
    public static final int WEEKS = 6;

    private SixWeekPlan() {
    }

    /** The plan week (1 = the week of {@code planStart}) that {@code day} falls in; ≤ 0 before the plan. */
    public static int weekOf(LocalDate planStart, LocalDate day) {
        LocalDate firstMonday = planStart.with(DayOfWeek.MONDAY);
        LocalDate monday = day.with(DayOfWeek.MONDAY);
        return (int) Math.floorDiv(ChronoUnit.DAYS.between(firstMonday, monday), 7) + 1;
    }

    /** The phase of plan week {@code week}: {@code activation}, {@code tempo-rows}, {@code heavy-rows}, or "" outside the plan. */
    public static String phaseOf(int week) {
        return switch (week) {
            case 1, 2 -> "activation";
            case 3, 4 -> "tempo-rows";
            case 5, 6 -> "heavy-rows";
            default -> "";
        };
    }
}
