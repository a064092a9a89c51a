/**
 * The values that flow between the transforms, each with a compact deterministic coder. The unit
 * that flows is one face track ({@link io.auglove.transforms.records.Track}): one face in one
 * recording, its frames in time order.
 */
package io.auglove.transforms.records;
