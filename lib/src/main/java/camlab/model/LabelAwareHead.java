package camlab.model;

/**
 * A head whose training forward pass takes {@code (activations, labels)} instead of
 * {@code (activations)} — ACoL erases features using the map of the true class. At inference it gets
 * the activations only and decides from its own top-1 prediction.
 */
public interface LabelAwareHead {}
