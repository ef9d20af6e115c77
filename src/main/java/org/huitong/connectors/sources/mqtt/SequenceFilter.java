package org.huitong.connectors.sources.mqtt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, per device, whether a sequence number is new or a repeat, and keeps the ranges of
 * numbers a device skipped. A number above the highest seen is new, and any numbers between are
 * a gap. A number inside a gap is a late message: it is new and shrinks or splits the gap. Any
 * other number at or below the highest seen is a repeat, for example a QoS 1 redelivery or a
 * device that sent the same alarm again.
 *
 * <p>Works on copies of the stored state; {@link #changedDevices()} returns what to store once
 * the batch succeeded.
 */
final class SequenceFilter {

    /** A range of skipped sequence numbers, both ends included. */
    record Gap(long first, long last, Instant detectedAt) {
    }

    /** The sequence state of one device. */
    static final class Device {
        long firstSequence;
        long lastSequence;
        long duplicates;
        final List<Gap> gaps;

        Device(long firstSequence, long lastSequence, long duplicates, List<Gap> gaps) {
            this.firstSequence = firstSequence;
            this.lastSequence = lastSequence;
            this.duplicates = duplicates;
            this.gaps = new ArrayList<>(gaps);
        }

        /** A device whose every number up to {@code lastSequence} was accepted or is in a gap. */
        Device(long lastSequence, long duplicates, List<Gap> gaps) {
            this(Long.MIN_VALUE, lastSequence, duplicates, gaps);
        }
    }

    private final Map<String, Device> devices;
    private final Map<String, Device> changed = new LinkedHashMap<>();
    private final List<String> newGaps = new ArrayList<>();
    private long duplicates;

    /** @param stored the stored state of the devices in the batch, by device id; it is not changed */
    SequenceFilter(Map<String, Device> stored) {
        this.devices = new LinkedHashMap<>();
        stored.forEach((id, device) -> devices.put(id,
                new Device(device.firstSequence, device.lastSequence, device.duplicates, device.gaps)));
    }

    /** Returns true if the message is new and goes into the batch, false for a repeat. */
    boolean accept(String deviceId, long sequence, Instant now) {
        Device device = devices.get(deviceId);
        if (device == null) {
            device = new Device(sequence, sequence, 0, List.of());
            devices.put(deviceId, device);
            changed.put(deviceId, device);
            return true;
        }
        changed.put(deviceId, device);
        if (sequence > device.lastSequence) {
            if (sequence > device.lastSequence + 1) {
                device.gaps.add(new Gap(device.lastSequence + 1, sequence - 1, now));
                newGaps.add(deviceId + " " + range(device.lastSequence + 1, sequence - 1));
            }
            device.lastSequence = sequence;
            return true;
        }
        if (sequence < device.firstSequence) {
            // Older than anything seen from this device: a broker may redeliver out of order
            // when a connection resumes, so this is new, not a repeat.
            if (sequence + 1 < device.firstSequence) {
                device.gaps.add(new Gap(sequence + 1, device.firstSequence - 1, now));
                newGaps.add(deviceId + " " + range(sequence + 1, device.firstSequence - 1));
            }
            device.firstSequence = sequence;
            return true;
        }
        for (int i = 0; i < device.gaps.size(); i++) {
            Gap gap = device.gaps.get(i);
            if (sequence >= gap.first() && sequence <= gap.last()) {
                fill(device.gaps, i, sequence);
                return true;
            }
        }
        device.duplicates++;
        duplicates++;
        return false;
    }

    private static void fill(List<Gap> gaps, int index, long sequence) {
        Gap gap = gaps.remove(index);
        if (sequence < gap.last()) {
            gaps.add(index, new Gap(sequence + 1, gap.last(), gap.detectedAt()));
        }
        if (sequence > gap.first()) {
            gaps.add(index, new Gap(gap.first(), sequence - 1, gap.detectedAt()));
        }
    }

    private static String range(long first, long last) {
        return first == last ? String.valueOf(first) : first + "-" + last;
    }

    /** Returns the devices whose state changed, to be stored. */
    Map<String, Device> changedDevices() {
        return changed;
    }

    /** Returns the gaps found in this batch, each as "device first-last". */
    List<String> newGaps() {
        return newGaps;
    }

    /** Returns how many messages of this batch were repeats. */
    long duplicates() {
        return duplicates;
    }
}
