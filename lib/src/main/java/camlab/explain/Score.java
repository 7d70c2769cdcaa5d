package camlab.explain;

/** Which class score the gradient methods differentiate. */
public enum Score {
  /** y^c, the pre-softmax logit (Grad-CAM's definition and the default). */
  LOGIT,
  /** softmax(y)^c, the probability; its gradient also pushes down the other classes. */
  PROBABILITY
}
