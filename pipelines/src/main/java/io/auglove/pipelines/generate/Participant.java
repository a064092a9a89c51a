package io.auglove.pipelines.generate;

/**
 * One synthetic participant.
 *
 * @param number the participant's number, from 1
 * @param id the id written in {@code labels.csv} and recording names, like {@code p007}
 * @param scores the symptom scores that drive the participant's dynamics
 * @param split the evaluation split of all the participant's videos
 * @param nuisance score-independent appearance (baseline offsets, gain)
 */
public record Participant(
    int number, String id, Scores scores, Split split, ParticipantNuisance nuisance) {}
