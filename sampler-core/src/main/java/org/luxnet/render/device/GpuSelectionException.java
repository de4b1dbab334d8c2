package org.luxnet.render.device;

/**
 * The GPU the user asked for cannot be had: {@code --gpu only} on a machine without an OpenCL
 * device, or a device index that does not exist. The message says what is available.
 */
public final class GpuSelectionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message for the user. */
    public GpuSelectionException(String message) {
        super(message);
    }
}
