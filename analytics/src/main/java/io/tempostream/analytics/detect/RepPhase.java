package io.tempostream.analytics.detect;

/**
 * The four phases of a rep as the athlete lives them: lifting (concentric), the hold at the top
 * (a row's squeeze at peak contraction), lowering (eccentric) and the pause at the bottom. A pull
 * goes through them in this order; a squat or bench press starts with the eccentric.
 */
public enum RepPhase {
    CONCENTRIC("concentric"),
    TOP_HOLD("top_hold"),
    ECCENTRIC("eccentric"),
    BOTTOM_PAUSE("bottom_pause");

    private final String wireName;

    RepPhase(String wireName) {
        this.wireName = wireName;
    }

    /** As written to InfluxDB and shown on the live dashboard. */
    public String wireName() {
        return wireName;
    }
}
