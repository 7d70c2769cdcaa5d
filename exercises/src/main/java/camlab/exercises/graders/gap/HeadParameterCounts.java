package camlab.exercises.graders.gap;

/** Exercise 1.2: how many parameters each of the two classifier heads has. */
@FunctionalInterface
public interface HeadParameterCounts {
  /**
   * The trainable parameters (weights and biases) of the two heads on activations of shape [K,h,w]:
   * <ul>
   *   <li>index 0, the FC head: flatten → Linear(hidden units, with bias) → ReLU → Linear(classes, with bias);
   *   <li>index 1, the GAP head: global average pooling → Linear(classes, without bias).
   * </ul>
   *
   * <p>Each count can exceed {@link Integer#MAX_VALUE} on its own (K·h·w inputs, hidden·classes or channels·classes weights):
   * compute in {@code long}.
   *
   * @return {@code {fcHead, gapHead}}
   */
  long[] headParameterCounts(int channels, int height, int width, int hidden, int classes);
}
