package dev.perfdesk.core.model;

/**
 * A sample's weight that a profile cannot hold: negative, or taking the profile's total past {@link Long#MAX_VALUE}.
 * Thrown by {@link ProfileBuilder}; an importer catches it where it knows the line and refuses the file with it.
 */
public final class WeightOverflowException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, as a sentence fragment for an importer's message */
    public WeightOverflowException(String message) {
        super(message);
    }
}
