package io.tempostream.analytics.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the reps of a barbell-style lift in a window of vertical acceleration: zero-phase
 * band-limited double integration to vertical travel, then the turning points that stand out.
 * Reps are the far-end turning points of regular excursions: for a lift that starts at the bottom
 * (row, press, deadlift) the tops, for one that starts at the top (squat, bench) the bottoms;
 * whichever kind is more numerous is the far end, since a set of n reps has n far-end turns and
 * n − 1 turns at the resting end between them; when that is not clear, the kind that comes first.
 */
final class VerticalExcursions {
    /**
     * Leak of both integrations: passes reps as slow as a 3-1-3-0 tempo (7 s, 0.14 Hz), stops the
     * drift of sensor bias and tilt error. 0.2 Hz counted the same real sets but lost slow reps;
     * 0.05 Hz let drift through (docs/accuracy.md).
     */
    private static final double INTEGRATION_HIGH_PASS_HZ = 0.07;
    /** The smallest travel that can be a rep: 8 cm (a barbell rep moves 20–70 cm). */
    static final double MIN_TRAVEL_M = 0.08;
    /** A rep travels at least 40 % of the set's typical rep: smaller turns are adjustments. */
    private static final double MIN_SHARE_OF_TYPICAL = 0.4;
    /** Reps are at least 1 s apart; faster turns are bounces within one rep. */
    static final double MIN_REP_PERIOD_S = 1.0;
    /** Rep-to-rep timing varies by less than this (coefficient of variation) in a set; fidgeting more. */
    private static final double MAX_PERIOD_VARIATION = 0.35;
    /** Rep-sized turns per far end beyond which the far ends are skipping turns (walking). */
    private static final double TOO_MANY_TURNS = 1.5;

    /**
     * A rep cut off by the end of a recording comes within a quarter period of where the set's
     * rhythm puts it; a step or a re-rack after the set comes later (1.3 periods in a real deadlift
     * set, against 1.04–1.09 for the cut reps in docs/accuracy.md).
     */
    private static final double CUT_REP_RHYTHM = 0.25;
    /**
     * A set's first rep comes back the way it went: its way back turns the wrist by at most this
     * much more than its way in (the first reps of the real sets: 36° at most; of the simulated
     * row and squat sets: 33°). Moving into the next exercise's position does not: the
     * band-limited travel makes a far end where the move sets off (the high-pass filter turns a
     * step down into a rise and a fall), the wrist still before it, and the move turns the
     * forearm into the new pose (face pulls, then rows: 80–87° more). The way in may turn more
     * (unracking a bar: 62° more on a real bench set's first rep). Which turn a set starts from
     * is judged by this both ways ({@link #firstMoved}).
     */
    static final double MAX_EXTRA_TURN_BACK_DEG = 60;
    /** How far back from a turn the way into it is looked at: a 3 s way in and a 1 s hold. */
    private static final double WAY_IN_LOOK_S = 4;
    /** A way in varies at least this many times more than the sensor's noise alone makes it. */
    private static final double MOVED_INTO_RATIO = 3;

    /**
     * The far-end turning points found, as sample indices, and which kind they are.
     * {@code newestTurn} is the newest rep-sized turn of either kind, even when the turns are too
     * few or too irregular to be a set (−1 if none): the lifter is moving, so this is no rest.
     */
    record Result(List<Integer> farEnds, int direction, double[] travelM, int newestTurn) {
        static final Result NONE = new Result(List.of(), 0, new double[0], -1);
    }

    private VerticalExcursions() {
    }

    /**
     * Analyses the vertical acceleration of {@code window}'s bins {@code from..to}; the indices in
     * the result count from {@code from}.
     * {@code knownDirection} is the far ends' side once a set or an exercise hint has shown it
     * (+1 tops, −1 bottoms), or 0 to decide it from this window. {@code setTravelM} is the travel
     * of the last rep of a set under way, 0 if none. {@code offeredSide} is the side of a set's
     * first rep offered alone (it came from rest, went out and back), 0 if none: it settles which
     * kind of turn comes first.
     */
    static Result analyze(BinnedWindow window, int from, int to, double rateHz, boolean startEdge, boolean endEdge,
            int knownDirection, boolean setStartsHere, double setTravelM, int offeredSide) {
        double[] verticalAccel = window.values();
        int n = to - from;
        if (n < rateHz * 2) {
            return Result.NONE;
        }
        double[] z = travel(verticalAccel, from, to, rateHz, false);
        if (knownDirection != 0) {
            double[] x = knownDirection > 0 ? z : negated(z);
            Peaks peaks = new Peaks(x);
            List<Integer> ends = farEnds(x, peaks, rateHz, startEdge, endEdge, true);
            if (setStartsHere) {
                addWeakFirstRep(peaks, rateHz, ends);
            }
            int newest = newest(ends);
            if (ends.size() == 1 && setTravelM > 0 && repSizedBothWays(z, knownDirection, ends.get(0), setTravelM)) {
                return new Result(ends, knownDirection, z, newest); // the set goes on after a dropout
            }
            return ends.size() >= 2 && regular(interior(ends, n)) ? new Result(ends, knownDirection, z, newest)
                    : new Result(List.of(), 0, z, newest);
        }
        double[] below = negated(z);
        Peaks topPeaks = new Peaks(z);
        Peaks bottomPeaks = new Peaks(below);
        List<Integer> tops = farEnds(z, topPeaks, rateHz, startEdge, endEdge, false);
        List<Integer> bottoms = farEnds(below, bottomPeaks, rateHz, startEdge, endEdge, false);
        int topsFirst = Integer.compare(tops.size(), bottoms.size());
        if (Math.abs(tops.size() - bottoms.size()) <= 1 && !tops.isEmpty() && !bottoms.isEmpty()) {
            // A set starts from its resting end, so its first turn is a far end: a row's first
            // movement goes up, a squat's goes down. (Choosing the kind with the steadier rhythm
            // picked the wrong one in slow sets, where a hold at the far end makes those turns wobble.)
            topsFirst = tops.get(0) < bottoms.get(0) ? 1 : -1;
            // A first rep offered alone came from rest and went out and back: its side settles it.
            // (Asked only where the first turn was none the wrist moved into, it let a noisier
            // sensor's set be read from its wrong end under an offer on the right side.)
            // Else the first turn the wrist moved into does, where the first turn was not one:
            // a dip of the still travel just as the set's first rep sets off (its first turn is
            // then the rest it set off from), or a noisier sensor's wandering in the rest before
            // the set (0.02 g more: whole sets were read from the wrong end).
            if (offeredSide != 0) {
                topsFirst = offeredSide;
            } else {
                int topMoved = firstMoved(window, from, rateHz, tops, z);
                int bottomMoved = firstMoved(window, from, rateHz, bottoms, below);
                int movedFirst = topMoved < bottomMoved ? 1 : -1;
                if (topMoved != bottomMoved && movedFirst != topsFirst) {
                    topsFirst = movedFirst;
                }
            }
        }
        if (startEdge || endEdge) {
            // Cut reps are looked for once the far-end side is chosen: a cut turn at the resting
            // end would otherwise tip the choice.
            if (topsFirst >= 0) {
                tops = farEnds(z, topPeaks, rateHz, startEdge, endEdge, true);
            } else {
                bottoms = farEnds(below, bottomPeaks, rateHz, startEdge, endEdge, true);
            }
        }
        int newest = Math.max(newest(tops), newest(bottoms));
        Result best = topsFirst >= 0 ? new Result(tops, 1, z, newest) : new Result(bottoms, -1, z, newest);
        if (best.farEnds().size() < 2 || !regular(interior(best.farEnds(), n))) {
            return new Result(List.of(), 0, z, newest);
        }
        return best;
    }

    /**
     * The band-limited vertical travel, in metres, of {@code verticalAccel[from..to)}: integrated
     * twice, each time high-passed forwards and backwards so it keeps no phase lag. With
     * {@code restingEnd} the travel is taken to stay where it ends, rather than to go on as it
     * came (mirrored, not point-reflected, beyond the end): for a look at a rep whose way back has
     * just ended, where the usual reflection carries the way back on past the end and the filter
     * then takes half of it away.
     */
    static double[] travel(double[] verticalAccel, int from, int to, double rateHz, boolean restingEnd) {
        int n = to - from;
        int pad = (int) Math.min(n - 1, 3 * rateHz);
        TravelBuffers buffers = TRAVEL_BUFFERS.get();
        // No separate low-pass: the 40 ms bins average away what is above a few Hz, and double
        // integration attenuates it further by (2πf)².
        Butterworth highPass = buffers.highPass(rateHz);
        double[] v = buffers.speed(n + 2 * pad);
        integrate(verticalAccel, from, n, rateHz, v, pad);
        highPass.filtfiltPadded(v, n, pad, false);
        double[] z = buffers.travel(n + 2 * pad);
        integrate(v, pad, n, rateHz, z, pad);
        highPass.filtfiltPadded(z, n, pad, restingEnd);
        return Arrays.copyOfRange(z, pad, pad + n);
    }

    /**
     * Each thread's padded working arrays for {@link #travel}, and its high-pass for the last rate:
     * a job's thread analyses thousands of devices' windows a second, and new arrays for each were
     * a quarter of what the job allocated.
     */
    private static final ThreadLocal<TravelBuffers> TRAVEL_BUFFERS = ThreadLocal.withInitial(TravelBuffers::new);

    private static final class TravelBuffers {
        private double[] speed = new double[0];
        private double[] travel = new double[0];
        private double rateHz = Double.NaN;
        private Butterworth highPass;

        Butterworth highPass(double rate) {
            if (rate != rateHz) {
                highPass = Butterworth.highPass(INTEGRATION_HIGH_PASS_HZ, rate);
                rateHz = rate;
            }
            return highPass;
        }

        double[] speed(int length) {
            if (speed.length < length) {
                speed = new double[length];
            }
            return speed;
        }

        double[] travel(int length) {
            if (travel.length < length) {
                travel = new double[length];
            }
            return travel;
        }
    }

    /**
     * A lone far end is a rep of the set under way when the travel into it and back out of it are
     * both rep-sized for that set. Inside a set each analysis keeps the last reported far end in
     * view, so a lone one only comes after a dropout has cut the set's earlier reps off: without
     * this, the rep after a radio gap was lost (a real deadlift set, docs/accuracy.md).
     */
    private static boolean repSizedBothWays(double[] z, int direction, int far, double setTravelM) {
        double lowestBefore = Double.POSITIVE_INFINITY;
        double lowestAfter = Double.POSITIVE_INFINITY;
        for (int i = 0; i < z.length; i++) {
            double below = direction * (z[far] - z[i]);
            if (i < far) {
                lowestBefore = Math.min(lowestBefore, -below);
            } else if (i > far) {
                lowestAfter = Math.min(lowestAfter, -below);
            }
        }
        double need = Math.max(MIN_TRAVEL_M, MIN_SHARE_OF_TYPICAL * setTravelM);
        return -lowestBefore >= need && -lowestAfter >= need;
    }

    /**
     * The first of {@code turns} (indices counted from {@code from}) the wrist moved into: the
     * {@link #WAY_IN_LOOK_S} before it, less its last half-second, varied at a movement's pace at
     * least {@link #MOVED_INTO_RATIO} times what the sensor's noise gives ({@link MovementVariance});
     * a turn with less than that in view counts as moved into. Where the look before that is in
     * view too, the gyroscope decides ({@link BinnedWindow#turnAgainstRest}): moved into if the
     * wrist turned on the way in as on a rep's ({@link BinnedWindow.TurnAgainstRest#turned}), not
     * if it turned no faster than in the look before ({@link BinnedWindow.TurnAgainstRest#still})
     * whatever the acceleration did.
     * With 0.02 g more accelerometer noise at 25 Hz the rest's wandering before a set passed as
     * moved into, and a set's first top as not: whole sets were read from their resting end. Not
     * one whose way in and way back turn the wrist by more than {@link #MAX_EXTRA_TURN_BACK_DEG}
     * apart: a step into the next exercise's position (face pulls, then rows: the step down turns
     * the forearm 90°, and the set starts where it ends). {@code x} is the travel with
     * {@code turns} as its maxima. {@code Integer.MAX_VALUE} if none.
     */
    private static int firstMoved(BinnedWindow window, int from, double rateHz, List<Integer> turns, double[] x) {
        int look = (int) Math.round(WAY_IN_LOOK_S * rateHz);
        int perHalfSecond = MovementVariance.perHalfSecond(rateHz);
        for (int turn : turns) {
            if (turn < look + perHalfSecond) {
                return turn;
            }
            // Its last half-second left out: a dip ahead of a set lies just after the wrist sets off.
            int end = from + turn - perHalfSecond;
            boolean moved = MovementVariance.movedBeyondNoise(window.values(), end - look, end, perHalfSecond, MOVED_INTO_RATIO);
            int restFrom = Math.max(0, end - 2 * look);
            BinnedWindow.TurnAgainstRest turned = end - look - restFrom >= look / 2
                    ? window.turnAgainstRest(restFrom, end - look, end) : null;
            if (turned != null) {
                // The gyroscope, which a noisier accelerometer does not touch, has the last word:
                // a wrist that turned on the way in moved into it, one that turned no more than
                // in the look before did not.
                moved = turned.turned() || moved && !turned.still();
            }
            if (moved && !turnsIntoNewPose(window, from, x, turn, look)) {
                return turn;
            }
        }
        return Integer.MAX_VALUE;
    }

    /**
     * Whether the way into turn {@code turn} of travel {@code x} and the way back from it, each to
     * its lowest point within {@code look}, turn the wrist by more than
     * {@link #MAX_EXTRA_TURN_BACK_DEG} apart.
     */
    private static boolean turnsIntoNewPose(BinnedWindow window, int from, double[] x, int turn, int look) {
        int restBefore = turn;
        for (int j = Math.max(0, turn - look); j < turn; j++) {
            if (x[j] < x[restBefore]) {
                restBefore = j;
            }
        }
        int restAfter = turn;
        for (int j = turn + 1; j < Math.min(x.length, turn + look); j++) {
            if (x[j] < x[restAfter]) {
                restAfter = j;
            }
        }
        return Math.abs(window.extraTurnBackDeg(from + restBefore, from + turn, from + restAfter)) > MAX_EXTRA_TURN_BACK_DEG;
    }

    private static int newest(List<Integer> turns) {
        return turns.isEmpty() ? -1 : turns.get(turns.size() - 1);
    }

    /** The far ends among the maxima of {@code x}: the travel, turned over for far ends at the bottom. */
    private static List<Integer> farEnds(double[] x, Peaks maxima, double rateHz, boolean startEdge, boolean endEdge,
            boolean withCutReps) {
        int minDistance = (int) Math.round(MIN_REP_PERIOD_S * rateHz);
        List<Peaks.Peak> peaks = maxima.find(minDistance, MIN_TRAVEL_M);
        if (peaks.isEmpty()) {
            return List.of();
        }
        double typical = typicalProminence(peaks);
        List<Integer> ends = new ArrayList<>();
        for (Peaks.Peak p : peaks) {
            if (p.prominence() >= MIN_SHARE_OF_TYPICAL * typical) {
                ends.add(p.index());
            }
        }
        if (ends.isEmpty() || turnsTooFast(maxima, ends, MIN_SHARE_OF_TYPICAL * typical)) {
            return List.of();
        }
        // A recording may start or end in the middle of a rep: a far end at the very edge counts
        // when the travel from it is rep-sized.
        if (startEdge && ends.get(0) > minDistance && isEdgeExtreme(x, 0, ends.get(0), MIN_SHARE_OF_TYPICAL * typical)) {
            ends.add(0, 0);
        } else if (startEdge && withCutReps) {
            // The same cut rep at the start of a recording: look at it backwards.
            double[] reversed = reversed(x);
            List<Integer> reversedEnds = new ArrayList<>();
            for (int k = ends.size() - 1; k >= 0; k--) {
                reversedEnds.add(x.length - 1 - ends.get(k));
            }
            int cut = cutRepTurn(reversed, reversedEnds, minDistance, MIN_SHARE_OF_TYPICAL * typical);
            if (cut >= 0) {
                ends.add(0, x.length - 1 - cut);
            }
        }
        int last = ends.get(ends.size() - 1);
        if (endEdge && x.length - 1 - last > minDistance
                && isEdgeExtreme(x, x.length - 1, last, MIN_SHARE_OF_TYPICAL * typical)) {
            ends.add(x.length - 1);
        } else if (endEdge && withCutReps) {
            int cut = cutRepTurn(x, ends, minDistance, MIN_SHARE_OF_TYPICAL * typical);
            if (cut >= 0) {
                ends.add(cut);
            }
        }
        return ends;
    }

    /**
     * Walking lifts the wrist at both ends of every arm swing: rep-sized turns twice a stride,
     * 0.4–0.75 s apart. Far ends are kept at least a second apart, so they skip every other one
     * and look like a steady set. Reps are never that quick: when there are half as many
     * rep-sized turns again between the far ends as far ends, it is not a set.
     */
    private static boolean turnsTooFast(Peaks maxima, List<Integer> ends, double repSized) {
        if (ends.size() < 2) {
            return false;
        }
        int turns = maxima.count(repSized, ends.get(0), ends.get(ends.size() - 1));
        return turns > TOO_MANY_TURNS * ends.size();
    }

    /**
     * A set's first rep starts from rest, and the band-limited integration shrinks its travel
     * (the filter is still settling on the new level): its far end may stand out less than 40 %
     * of the typical rep. It counts when it comes on the set's rhythm before the first far end
     * and stands out at least half as much as that rule asks. Only with an exercise hint, before
     * a set is under way: looked for on both sides, weak turns tip the choice of side, and inside
     * a set (whose first rep is long reported) they found reps that were not there.
     */
    private static void addWeakFirstRep(Peaks maxima, double rateHz, List<Integer> ends) {
        if (ends.size() < 3) {
            return;
        }
        List<Peaks.Peak> peaks = maxima.find((int) Math.round(MIN_REP_PERIOD_S * rateHz), MIN_TRAVEL_M);
        double typical = typicalProminence(peaks);
        int first = ends.get(0);
        double period = (ends.get(ends.size() - 1) - first) / (double) (ends.size() - 1);
        Peaks.Peak before = null;
        for (Peaks.Peak p : peaks) {
            if (p.index() < first) {
                before = p;
            }
        }
        if (before != null && before.prominence() >= MIN_SHARE_OF_TYPICAL / 2 * typical
                && Math.abs(first - before.index() - period) <= MAX_PERIOD_VARIATION * period) {
            ends.add(0, before.index());
        }
    }

    /**
     * A recording that stops just after a rep's far end leaves that turn without the way back,
     * so it has no prominence: it counts when the travel into it is rep-sized, it comes on the
     * set's rhythm and the recording stops before the way back could have been seen (a re-rack or
     * standing up after the set does not). Returns −1 when there is none.
     */
    private static int cutRepTurn(double[] x, List<Integer> ends, int minDistance, double minTravel) {
        if (ends.size() < 2) {
            return -1;
        }
        int last = ends.get(ends.size() - 1);
        int highest = -1;
        for (int i = last + minDistance; i < x.length - 1; i++) {
            if (highest < 0 || x[i] > x[highest]) {
                highest = i;
            }
        }
        // A turn, not the edge of the search: still rising at the cut is the edge rule's case above.
        if (highest < 0 || x[highest - 1] >= x[highest] || x[highest + 1] >= x[highest]) {
            return -1;
        }
        double lowest = x[last];
        for (int i = last; i <= highest; i++) {
            lowest = Math.min(lowest, x[i]);
        }
        double period = (last - ends.get(0)) / (double) (ends.size() - 1);
        double spacing = highest - last;
        boolean onRhythm = Math.abs(spacing - period) <= CUT_REP_RHYTHM * period;
        // Cut: too little time left after it for the way back, which a finished rep would show.
        boolean cut = x.length - 1 - highest < period / 2;
        return x[highest] - lowest >= minTravel && onRhythm && cut ? highest : -1;
    }

    private static boolean isEdgeExtreme(double[] x, int edge, int nearestPeak, double minTravel) {
        int from = Math.min(edge, nearestPeak);
        int to = Math.max(edge, nearestPeak);
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int i = from; i <= to; i++) {
            max = Math.max(max, x[i]);
            min = Math.min(min, x[i]);
        }
        return x[edge] >= max && x[edge] - min >= minTravel;
    }

    /** The median prominence of the larger half: the set's typical rep, robust to a few small turns. */
    private static double typicalProminence(List<Peaks.Peak> peaks) {
        double[] p = peaks.stream().mapToDouble(Peaks.Peak::prominence).sorted().toArray();
        int half = Math.max(1, p.length / 2);
        double[] top = java.util.Arrays.copyOfRange(p, p.length - half, p.length);
        return top[top.length / 2];
    }

    private static double[] reversed(double[] z) {
        double[] x = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            x[i] = z[z.length - 1 - i];
        }
        return x;
    }

    private static double[] negated(double[] z) {
        double[] x = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            x[i] = -z[i];
        }
        return x;
    }

    /** Far ends at the window's edges are cut-off reps; their timing says nothing of regularity. */
    private static List<Integer> interior(List<Integer> ends, int n) {
        return ends.stream().filter(i -> i > 0 && i < n - 1).toList();
    }

    private static boolean regular(List<Integer> ends) {
        return periodVariation(ends) <= MAX_PERIOD_VARIATION;
    }

    /** Coefficient of variation of the spacing of turns; 0 with fewer than three. */
    private static double periodVariation(List<Integer> ends) {
        if (ends.size() < 3) {
            return 0;
        }
        double sum = 0;
        double sumSq = 0;
        int k = ends.size() - 1;
        for (int i = 1; i < ends.size(); i++) {
            double d = ends.get(i) - ends.get(i - 1);
            sum += d;
            sumSq += d * d;
        }
        double mean = sum / k;
        return Math.sqrt(Math.max(0, sumSq / k - mean * mean)) / mean;
    }

    /** Running sum over time of the n values from {@code x[from]}, written from {@code out[at]}. */
    private static void integrate(double[] x, int from, int n, double rateHz, double[] out, int at) {
        double dt = 1 / rateHz;
        double acc = 0;
        for (int i = 0; i < n; i++) {
            acc += x[from + i] * dt;
            out[at + i] = acc;
        }
    }
}
