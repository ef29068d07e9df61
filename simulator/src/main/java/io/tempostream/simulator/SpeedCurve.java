package io.tempostream.simulator;

import java.util.Arrays;
import org.apache.commons.math3.special.Beta;
import java.util.Locale;

/**
 * How progress through a phase's range goes over the phase's time: {@code progress(s)} for
 * {@code s} from 0 to 1, rising from 0 to 1 with zero speed at both ends. The detector must time
 * phases where the movement starts and stops whatever the curve between; these families shape it
 * in ways the engine was not designed around.
 */
public enum SpeedCurve {
    /** Half a cosine: the simulator's own curve since the start. */
    HALF_COSINE {
        @Override
        double shape(double s) {
            return (1 - Math.cos(Math.PI * s)) / 2;
        }
    },
    /**
     * Minimum jerk (Flash and Hogan, J. Neurosci. 1985): the bell-shaped speed of a smooth reach,
     * slower than a cosine at both ends, so a speed threshold cuts more off the phase.
     */
    MINIMUM_JERK {
        @Override
        double shape(double s) {
            return minimumJerk(s);
        }
    },
    /** A steady middle: speed ramps up over the first fifth (a half cosine), holds, and ramps down over the last fifth. */
    TRAPEZOID {
        @Override
        double shape(double s) {
            return s <= 0.5 ? rampAndCruise(s) : 1 - rampAndCruise(1 - s);
        }
    },
    /**
     * Fast start, slow finish: speed ∝ s^1.5 (1 − s)^2.5, peaking at three eighths of the phase
     * (minimum jerk is the symmetric s² (1 − s)²); progress is its regularized incomplete beta.
     */
    FAST_START {
        @Override
        double shape(double s) {
            return Beta.regularizedBeta(s, 2.5, 3.5);
        }
    },
    /** Slow start, fast finish: the reverse, peaking at five eighths. */
    SLOW_START {
        @Override
        double shape(double s) {
            return Beta.regularizedBeta(s, 3.5, 2.5);
        }
    };

    /** The trapezoid's ramps, as a share of the phase. */
    private static final double RAMP = 0.2;

    abstract double shape(double s);

    /** Progress at {@code s} in [0, 1], clamped outside. */
    public double progress(double s) {
        return shape(Math.max(0, Math.min(1, s)));
    }

    /** The name in session scripts and flags, e.g. {@code minimum-jerk}. */
    public String scriptName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static SpeedCurve fromScriptName(String name) {
        return Arrays.stream(values()).filter(c -> c.scriptName().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("speedCurve must be one of " + Arrays.stream(values()).map(SpeedCurve::scriptName)
                        .toList() + ", got '" + name + "'"));
    }

    static double minimumJerk(double s) {
        return s * s * s * (10 - 15 * s + 6 * s * s);
    }

    /** The first half of the trapezoid: ramp of speed, then cruising at the peak speed 1 / (1 − RAMP). */
    private static double rampAndCruise(double s) {
        double peak = 1 / (1 - RAMP);
        if (s <= RAMP) {
            return peak * (s / 2 - RAMP / (2 * Math.PI) * Math.sin(Math.PI * s / RAMP));
        }
        return peak * (RAMP / 2 + (s - RAMP));
    }
}
