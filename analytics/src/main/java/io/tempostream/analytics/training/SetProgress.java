package io.tempostream.analytics.training;

import io.tempostream.analytics.detect.Rep;
import io.tempostream.ingest.TempoPrescription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The set a device is in, built up rep by rep: each rep is analysed against the reps before it
 * (form flags need the set's typical range, velocity loss its fastest rep) and the set's running
 * figures are recomputed. State is bounded by the reps of one set.
 */
final class SetProgress {
    /** Sets longer than this keep only their newest reps for the running figures (a 20-rep burnout is long). */
    private static final int MAX_REPS_KEPT = 60;

    private final String athleteId;
    private final String deviceId;
    private final int set;
    private final String exercise;
    private final TempoPrescription tempo;
    private final List<Rep> reps = new ArrayList<>();
    private long startMs = Long.MAX_VALUE;
    private long endMs = Long.MIN_VALUE;
    private int repCount;
    private int holds;
    private long holdMs;
    private long tensionMs;
    private double scoreSum;
    private int onTempo;
    private int pauseReps;
    private int squeezesHeld;
    private int swings;
    private int bounces;
    private int partials;
    private int rushed;
    private double fastest;
    private final List<Double> firstConcentrics = new ArrayList<>();

    SetProgress(String athleteId, String deviceId, int set, String exercise, TempoPrescription tempo) {
        this.athleteId = athleteId;
        this.deviceId = deviceId;
        this.set = set;
        this.exercise = exercise;
        this.tempo = tempo;
    }

    int set() {
        return set;
    }

    String exercise() {
        return exercise;
    }

    /** Analyses a rep as {@link #add} would, without adding it (a provisional rep). */
    AnalysedRep preview(Rep rep) {
        TempoCompliance compliance = TempoCompliance.of(rep, tempo);
        FormFlags flags = FormFlags.of(rep, tempo, typicalRange());
        double top = Math.max(fastest, rep.peakVelocity());
        double loss = top > 0 ? Math.max(0, 100 * (top - rep.peakVelocity()) / top) : 0;
        return new AnalysedRep(rep, tempo, compliance, flags, loss);
    }

    /** Adds a rep or hold of this set and analyses it. */
    AnalysedRep add(Rep rep) {
        startMs = Math.min(startMs, rep.isometric() ? rep.peakHoldStartMs() : rep.startMs());
        endMs = Math.max(endMs, rep.isometric() ? rep.peakHoldStartMs() + rep.peakHoldMs() : rep.endMs());
        if (rep.isometric()) {
            holds++;
            holdMs += rep.peakHoldMs();
            tensionMs += rep.peakHoldMs();
            return new AnalysedRep(rep, tempo, TempoCompliance.of(rep, tempo), FormFlags.NONE, 0);
        }
        repCount++;
        reps.add(rep);
        if (reps.size() > MAX_REPS_KEPT) {
            reps.remove(0);
        }
        if (firstConcentrics.size() < 2) {
            firstConcentrics.add((double) rep.concentricMs());
        }
        tensionMs += rep.concentricMs() + rep.peakHoldMs() + rep.eccentricMs() + rep.bottomPauseMs();
        TempoCompliance compliance = TempoCompliance.of(rep, tempo);
        FormFlags flags = FormFlags.of(rep, tempo, typicalRange());
        scoreSum += compliance.score();
        onTempo += compliance.onTempo() ? 1 : 0;
        if (compliance.squeezeHeld() != null) {
            pauseReps++;
            squeezesHeld += compliance.squeezeHeld() ? 1 : 0;
        }
        swings += flags.swing() ? 1 : 0;
        bounces += flags.bounce() ? 1 : 0;
        partials += flags.partial() ? 1 : 0;
        rushed += flags.rushedEccentric() ? 1 : 0;
        fastest = Math.max(fastest, rep.peakVelocity());
        double loss = fastest > 0 ? Math.max(0, 100 * (fastest - rep.peakVelocity()) / fastest) : 0;
        return new AnalysedRep(rep, tempo, compliance, flags, loss);
    }

    /**
     * The set's typical range of motion: the median of its larger half of reps, so that partial
     * reps (even half of them) do not drag down what they are compared against. 0 until three reps.
     */
    private double typicalRange() {
        if (reps.size() < 3) {
            return 0;
        }
        double[] ranges = reps.stream().mapToDouble(Rep::range).sorted().toArray();
        double[] upper = Arrays.copyOfRange(ranges, ranges.length / 2, ranges.length);
        return upper[upper.length / 2];
    }

    SetAnalysis analysis() {
        int n = reps.size();
        double velocityLoss = 0;
        double slowing = 0;
        double cv = 0;
        double rangeChange = 0;
        if (n >= 3 && fastest > 0) {
            double lastTwo = (reps.get(n - 1).peakVelocity() + reps.get(n - 2).peakVelocity()) / 2;
            velocityLoss = Math.max(0, 100 * (fastest - lastTwo) / fastest);
        }
        if (repCount >= 4 && n >= 2) {
            double first = (firstConcentrics.get(0) + firstConcentrics.get(1)) / 2;
            double last = (reps.get(n - 1).concentricMs() + reps.get(n - 2).concentricMs()) / 2.0;
            slowing = first > 0 ? 100 * (last - first) / first : 0;
            // Against the set's typical rep, not its first: travel integrated from rest reads the
            // first rep short (docs/accuracy.md), which made steady sets look 14 % "longer".
            double typical = typicalRange();
            double lastRange = (reps.get(n - 1).range() + reps.get(n - 2).range()) / 2;
            rangeChange = typical > 0 ? 100 * (lastRange - typical) / typical : 0;
        }
        if (n >= 3) {
            double[] d = reps.stream().mapToDouble(r -> r.concentricMs() + r.peakHoldMs() + r.eccentricMs()).toArray();
            double mean = Arrays.stream(d).average().orElse(0);
            double var = Arrays.stream(d).map(x -> (x - mean) * (x - mean)).sum() / (d.length - 1);
            cv = mean > 0 ? 100 * Math.sqrt(var) / mean : 0;
        }
        return new SetAnalysis(athleteId, deviceId, set, exercise, startMs, endMs, repCount, holds, holdMs, tensionMs,
                tempo.toString(), repCount == 0 ? 0 : scoreSum / repCount, onTempo, pauseReps, squeezesHeld,
                velocityLoss, slowing, cv, rangeChange, swings, bounces, partials, rushed);
    }
}
