package camlab.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import camlab.model.AcolHead;
import camlab.model.Classifier;
import camlab.model.GlobalAveragePooling;
import camlab.model.HeadKind;
import camlab.util.Scoped;
import java.util.List;

/**
 * Class maps that fall out of the forward pass (Network in Network; ACoL §3.1). When the head is a 1×1
 * convolution with one output channel per class followed by global average pooling,
 * <pre>S_c(i, j) = Σ_k W_ck · A_k(i, j) + b_c,      logit_c = mean_{i,j} S_c(i, j),</pre>
 * so the map of class c is simply channel c of the 1×1 conv's output — no weights to read back and no
 * extra pass. With the same W and b, GAP + Linear gives the same logits, and its CAM differs from S_c by
 * the constant b_c only. For ACoL the maps are those of classifier A. No ReLU.
 */
public final class Conv1x1Maps implements Explainer {
  @Override
  public String name() {
    return "conv1x1";
  }

  @Override
  public ActivationMaps explain(Classifier model, NDArray images, Targets targets) {
    ClassMapHead head = ClassMapHead.of(model);
    return Scoped.result(images, scratch -> {
      NDArray classMaps = head.classMaps(model, model.features(images)); // [B, C, h, w]
      NDArray logits = GlobalAveragePooling.pool(classMaps);
      Targets.Resolved classes = targets.resolveOnDevice(logits);
      return new Explained(AcolHead.pick(classMaps, classes.index()), logits, classes.classes());
    }).named(name());
  }

  /** How to get the [B, C, h, w] class maps out of a head that has them. */
  interface ClassMapHead {
    NDArray classMaps(Classifier model, NDArray activations);

    static ClassMapHead of(Classifier model) {
      HeadKind kind = model.headKind();
      if (kind instanceof HeadKind.Acol acol) {
        return (m, a) -> acol.head().branches(m.parameterStore(), a, null, false).mapsA();
      }
      if (kind instanceof HeadKind.Conv1x1Gap conv1x1) {
        return (m, a) -> conv1x1.conv().forward(m.parameterStore(), new NDList(a), false).singletonOrThrow();
      }
      List<Block> layers = model.headLayers();
      throw new UnsupportedOperationException("1x1-conv maps need a head that is a 1×1 convolution with one channel per class followed"
          + " by global average pooling (nin-cnn) or an ACoL head; the " + model.architecture() + " model split after '"
          + model.targetLayer() + "' has " + layers.stream().map(b -> b.getClass().getSimpleName()).toList()
          + ". Use CAM or Grad-CAM.");
    }
  }
}
