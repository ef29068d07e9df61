package io.tempostream.ingest;

import java.util.Locale;

/** Where the IMU is strapped on; it decides what motion a rep looks like to the sensor. */
public enum Placement {
    /** On the wrist, like a watch: sees the forearm's rotation during pulls and raises. */
    WRIST,
    /** Between the shoulder blades: sees scapular retraction, torso angle and torso swing. */
    BACK;

    /** The name used on the wire and in InfluxDB tags. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Placement fromWireName(String name) {
        for (Placement p : values()) {
            if (p.wireName().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("placement must be 'wrist' or 'back', got '" + name + "'");
    }
}
